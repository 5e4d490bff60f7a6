/**
 * The time window of an event condition: any time, within the last N, between N and M ago, or
 * from one instant to another (JSON: {"type":"within"|"ago"|"range", …} or none).
 * @module builder/window
 */
import { h } from '../ui.js';
import { field, selectBox, textBox } from './fields.js';

const UNITS = [{ value: 'h', label: 'hours' }, { value: 'd', label: 'days' }, { value: 'w', label: 'weeks' }];
const TYPES = [
  { value: '', label: 'at any time' },
  { value: 'within', label: 'within the last' },
  { value: 'ago', label: 'between … ago' },
  { value: 'range', label: 'from … to (dates)' },
];

/** "30d" → {amount: "30", unit: "d"}; anything else keeps its text as the amount. */
export function splitDuration(d) {
  const m = /^(\d+)\s*([hdw])$/i.exec(String(d ?? '').trim());
  return m ? { amount: m[1], unit: m[2].toLowerCase() } : { amount: String(d ?? ''), unit: 'd' };
}

const joinDuration = (amount, unit) => `${String(amount).trim()}${unit}`;

/**
 * @param {Object} node an event condition (its `window` is edited)
 * @param {string} pointer the node's pointer
 * @param {{changed: (structural?: boolean) => void}} env
 */
export function windowEditor(node, pointer, env) {
  const wp = `${pointer}/window`;
  const w = node.window || null;
  const type = w ? w.type : '';
  const kind = selectBox({
    testid: 'window-type', pointer, field: 'window', value: type, options: TYPES,
    onChange: (v) => {
      if (v === '') delete node.window;
      else if (v === 'within') node.window = { type: 'within', duration: '30d' };
      else if (v === 'ago') node.window = { type: 'ago', from: '90d', to: '30d' };
      else node.window = { type: 'range', from: '', to: '' };
      env.changed(true);
    },
  });
  const parts = [field('When', kind)];
  if (type === 'within') parts.push(...duration(w, 'duration', wp, 'window', 'Last', env));
  if (type === 'ago') {
    parts.push(...duration(w, 'from', wp, 'window-from', 'From', env, 'ago'));
    parts.push(...duration(w, 'to', wp, 'window-to', 'To', env, 'ago'));
  }
  if (type === 'range') {
    for (const [key, label] of [['from', 'From'], ['to', 'To (not included)']]) {
      parts.push(field(label, textBox({
        testid: `window-${key}`, pointer: wp, field: key, value: w[key], placeholder: '2025-01-31 or 2025-01-31T08:00:00Z',
        onInput: (v) => { w[key] = v.trim(); env.changed(); },
      }), { className: 'bf-instant' }));
    }
  }
  return h('div', { class: 'window-editor', 'data-testid': 'window-editor', 'data-pointer': pointer }, parts);
}

function duration(w, key, wp, testid, label, env, suffix) {
  const d = splitDuration(w[key]);
  const amount = textBox({
    testid: `${testid}-amount`, pointer: wp, field: key, value: d.amount, inputmode: 'numeric', width: '5.5em',
    onInput: (v) => { w[key] = joinDuration(v, unit.value); env.changed(); },
  });
  const unit = selectBox({
    testid: `${testid}-unit`, pointer: wp, field: key, value: d.unit, options: UNITS, label: `${label}: unit`,
    onChange: (v) => { w[key] = joinDuration(amount.value, v); env.changed(); },
  });
  return [field(label, amount), h('div', { class: 'bf bf-unit' }, h('span', { class: 'form-label', 'aria-hidden': 'true' }, '\u00a0'), unit),
    suffix ? h('span', { class: 'bf-suffix' }, suffix) : null];
}
