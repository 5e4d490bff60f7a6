// Why a profile is in or out: the definition's tree, each condition with its truth and the facts
// the engine read (the value, the events counted in the window, the aggregate, the distance).
import { h } from '../ui.js';

const FACT_LABELS = {
  value: 'value read',
  matchingEvents: 'matching events',
  eventsOfThatName: 'events of that name',
  windowFrom: 'window from',
  windowTo: 'window to',
  latestEvent: 'latest such event',
  aggregate: 'aggregate',
  distanceKm: 'distance (km)',
  staticMember: 'in the static list',
};

export function explanationView(explanation, populationLabel) {
  const verdict = explanation.member
    ? h('span', { class: 'badge text-bg-success', 'data-testid': 'explain-verdict', 'data-member': 'true' }, 'In')
    : h('span', { class: 'badge text-bg-secondary', 'data-testid': 'explain-verdict', 'data-member': 'false' }, 'Out');
  const at = explanation.at ? new Date(explanation.at).toISOString() : null;
  return h('div', { 'data-testid': 'explanation' },
    h('p', {}, verdict, ' ', explanation.member ? 'This profile is in ' : 'This profile is not in ', populationLabel,
      at ? ` as of ${at}.` : '.'),
    h('ul', { class: 'explain-tree', 'aria-label': 'Conditions and their truth' }, node(explanation.root)));
}

function node(n) {
  const truth = h('span', { class: `explain-truth ${n.holds ? 'holds' : 'fails'}`, 'aria-label': n.holds ? 'true' : 'false' },
    n.holds ? '✓' : '✗');
  const children = n.children || [];
  return h('li', { 'data-testid': 'explain-node', 'data-holds': String(n.holds) },
    h('div', { class: 'explain-line' }, truth, ' ',
      h('span', { class: 'visually-hidden' }, n.holds ? 'holds: ' : 'does not hold: '),
      h('code', {}, n.condition), facts(n.facts || {})),
    children.length ? h('ul', {}, children.map(node)) : null);
}

function facts(f) {
  const keys = Object.keys(f);
  if (keys.length === 0) return null;
  return h('dl', { class: 'explain-facts', 'data-testid': 'explain-facts' }, keys.flatMap(k => [
    h('dt', {}, FACT_LABELS[k] || k),
    h('dd', {}, fact(k, f[k])),
  ]));
}

function fact(key, v) {
  if (v === null || v === undefined) return 'missing';
  if (key === 'distanceKm' && typeof v === 'number') return v.toFixed(2);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
