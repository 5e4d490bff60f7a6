// Paths and literals written back into the segment language, for conditions the console builds.
import { quote } from './drill.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_FIRST = new Set(['and', 'or', 'not', 'true', 'false', 'in', 'is', 'null', 'did']);

/** A dotted path as the language reads it: odd segments and leading reserved words back-quoted. */
export function pathText(path) {
  return path.split('.').map((seg, i) => {
    const needsQuotes = !IDENT.test(seg) || (i === 0 && RESERVED_FIRST.has(seg.toLowerCase()));
    return needsQuotes ? '`' + seg + '`' : seg;
  }).join('.');
}

/** The day after an ISO day (YYYY-MM-DD), in UTC. */
export function nextDay(day) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Members who did the event on that UTC day. */
export function didOnDay(event, day) {
  return `did ${quote(event)} from ${day} to ${nextDay(day)}`;
}
