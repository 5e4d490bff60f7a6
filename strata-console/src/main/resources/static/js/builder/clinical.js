/**
 * The clinical measures of the language: medication adherence (pdc, mpr), visit days and days
 * since an event (count_days, days_since), the no-show rate and HEDIS-like screening gaps
 * (screening_due). One editor for them all; switching the measure keeps what still applies. The
 * measures on an event filter it with the same where-editor as did/count (builder/where).
 * @module builder/clinical
 */
import { field, selectBox, textBox } from './fields.js';
import { windowEditor, splitDuration } from './window.js';
import { whereEditor } from './where.js';
import {
  COMPARISONS, OP_LABELS, CLINICAL_WITH_EVENT as WITH_EVENT, literalText, numberOrText,
} from './model.js';

export const CLINICAL = [
  { type: 'pdc', label: 'adherence: proportion of days covered (PDC)' },
  { type: 'mpr', label: 'adherence: medication possession ratio (MPR)' },
  { type: 'count_days', label: 'number of days with the event' },
  { type: 'days_since', label: 'days since the latest event' },
  { type: 'no_show_rate', label: 'no-show rate of appointments' },
  { type: 'screening_due', label: 'screening due (HEDIS-like)' },
];

const PROGRAMS = [
  { value: 'colorectal', label: 'colorectal (45–75)' },
  { value: 'breast', label: 'breast (women 50–74)' },
  { value: 'cervical', label: 'cervical (women 21–64)' },
];

const WHOLE_DAYS = ['count_days', 'days_since'];

/** Converts a clinical measure in place to another, keeping the event, filter, window and comparison that still fit. */
export function setClinical(n, type) {
  const keep = { ...n };
  for (const k of Object.keys(n)) delete n[k];
  n.type = type;
  if (type === 'screening_due') {
    n.program = keep.program || 'colorectal';
    return;
  }
  if (WITH_EVENT.includes(type)) {
    n.event = keep.event || (type === 'pdc' || type === 'mpr' ? 'Medication Refill' : 'Doctor Visit');
    if (keep.where) n.where = keep.where;
  }
  if (type === 'pdc' || type === 'mpr') {
    const w = keep.window && keep.window.type === 'within' && splitDuration(keep.window.duration).unit !== 'h' ? keep.window : null;
    n.window = w || { type: 'within', duration: '365d' };
  } else if (type !== 'days_since' && keep.window) {
    n.window = keep.window;
  }
  n.op = keep.op || '>=';
  const value = typeof keep.value === 'number' ? keep.value : WHOLE_DAYS.includes(type) ? 1 : 0.8;
  n.value = WHOLE_DAYS.includes(type) ? Math.round(value) : value;
}

const opOptions = COMPARISONS.map((op) => ({ value: op, label: `${OP_LABELS[op]} (${op})` }));

/** The fields of a clinical condition. */
export function clinicalEditor(node, pointer, env) {
  const parts = [field('Measure', selectBox({
    testid: 'clinical-measure', pointer, field: 'type', value: node.type,
    options: CLINICAL.map((m) => ({ value: m.type, label: m.label })),
    onChange: (v) => { setClinical(node, v); env.changed(true); },
  }), { className: 'bf-wide' })];
  if (node.type === 'screening_due') {
    parts.push(field('Program', selectBox({
      testid: 'clinical-program', pointer, field: 'program', value: node.program, options: PROGRAMS,
      onChange: (v) => { node.program = v; env.changed(); },
    })));
    return parts;
  }
  if (WITH_EVENT.includes(node.type)) {
    parts.push(field('Event', textBox({
      testid: 'clinical-event', pointer, field: 'event', value: node.event, list: env.list('events'),
      onInput: (v) => { node.event = v; env.changed(); },
      onCommit: () => env.changed(true), // the filter's property suggestions follow the event
    }), { className: 'bf-path' }));
  }
  if (node.type === 'pdc' || node.type === 'mpr') {
    const { amount, unit } = splitDuration(node.window && node.window.duration);
    parts.push(field('Over the last (days)', textBox({
      testid: 'clinical-days', pointer, field: 'window', value: unit === 'w' ? String(Number(amount) * 7) : amount,
      inputmode: 'numeric', width: '6em',
      onInput: (v) => { node.window = { type: 'within', duration: `${String(v).trim()}d` }; env.changed(); },
    })));
  } else if (node.type !== 'days_since') {
    parts.push(...[].concat(windowEditor(node, pointer, env)));
  }
  parts.push(field('Is', selectBox({
    testid: 'clinical-op', pointer, field: 'op', value: node.op, options: opOptions,
    onChange: (v) => { node.op = v; env.changed(); },
  })));
  parts.push(field(WHOLE_DAYS.includes(node.type) ? 'Days' : 'Ratio', textBox({
    testid: 'clinical-value', pointer, field: 'value', value: literalText(node.value, 'number'), inputmode: 'decimal', width: '6em',
    onInput: (v) => { node.value = numberOrText(v); env.changed(); },
  })));
  if (WITH_EVENT.includes(node.type)) parts.push(whereEditor(node, pointer, env));
  return parts;
}
