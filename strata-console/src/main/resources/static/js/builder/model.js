/**
 * The builder edits the language's JSON tree (dev.strata.lang.SegmentJson) directly. This module
 * knows its node kinds, the operators that suit each value type, how typed text becomes a JSON
 * literal, and the normal form the editor works on (the root and every where-clause are groups).
 * @module builder/model
 */

export const COMPARISONS = ['=', '!=', '<', '<=', '>', '>='];

export const OP_LABELS = {
  '=': 'is', '!=': 'is not', '<': 'less than', '<=': 'at most', '>': 'more than', '>=': 'at least',
  in: 'is one of', not_in: 'is none of', between: 'between', is_null: 'is missing', is_not_null: 'is present',
  contains: 'contains', starts_with: 'starts with', ends_with: 'ends with',
};

/** Operators offered for a trait or property of each type (as /api/schema names types). */
const OPS_BY_TYPE = {
  string: ['=', '!=', 'in', 'not_in', 'contains', 'starts_with', 'ends_with', '<', '<=', '>', '>=', 'between', 'is_null', 'is_not_null'],
  number: ['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'not_in', 'is_null', 'is_not_null'],
  boolean: ['=', '!=', 'is_null', 'is_not_null'],
  date: ['=', '!=', '<', '<=', '>', '>=', 'between', 'is_null', 'is_not_null'],
  geo: ['is_null', 'is_not_null'],
  mixed: ['=', '!=', '<', '<=', '>', '>=', 'in', 'not_in', 'between', 'contains', 'starts_with', 'ends_with', 'is_null', 'is_not_null'],
};

/** @param {string|undefined} type @param {string} [current] an operator to keep offering even if unusual for the type */
export function opsFor(type, current) {
  const ops = [...(OPS_BY_TYPE[type] || OPS_BY_TYPE.mixed)];
  if (current && !ops.includes(current)) ops.push(current);
  return ops;
}

export const MEASURES = [
  { type: 'did', label: 'did the event' },
  { type: 'count', label: 'number of events' },
  { type: 'sum', label: 'sum of a property' },
  { type: 'avg', label: 'average of a property' },
  { type: 'min', label: 'minimum of a property' },
  { type: 'max', label: 'maximum of a property' },
];
export const EVENT_TYPES = MEASURES.map((m) => m.type);
export const AGGREGATES = ['sum', 'avg', 'min', 'max'];

/** What the "Add" menus offer: kind id, label, and a fresh node. Profile scope vs where-clause scope. */
export const ADD_KINDS = {
  profile: [
    { kind: 'trait', label: 'Trait', make: () => ({ type: 'trait', path: '', op: '=', value: '' }) },
    { kind: 'age', label: 'Age', make: () => ({ type: 'age', path: 'birthday', op: '>=', value: 18 }) },
    { kind: 'context', label: 'Device / context', make: () => ({ type: 'trait', path: 'context.device.type', op: '=', value: '' }) },
    { kind: 'event', label: 'Event', make: () => ({ type: 'did', event: '' }) },
    { kind: 'clinical', label: 'Clinical measure', make: () => ({ type: 'pdc', event: 'Medication Refill', window: { type: 'within', duration: '365d' }, op: '<', value: 0.8 }) },
    { kind: 'near', label: 'Near a place', make: () => ({ type: 'near', path: 'address', latitude: '', longitude: '', radius_km: 25 }) },
    { kind: 'segment', label: 'In a segment', make: () => ({ type: 'segment', name: '' }) },
    { kind: 'group', label: 'Group (and / or)', make: () => ({ type: 'or', conditions: [] }) },
  ],
  where: [
    { kind: 'trait', label: 'Property', make: () => ({ type: 'trait', path: '', op: '=', value: '' }) },
    { kind: 'age', label: 'Age of a date property', make: () => ({ type: 'age', path: '', op: '>=', value: 18 }) },
    { kind: 'group', label: 'Group (and / or)', make: () => ({ type: 'or', conditions: [] }) },
  ],
};

/** Clinical measures (pdc, mpr, count_days, days_since, no_show_rate, screening_due): edited by builder/clinical. */
const CLINICAL_TYPES = ['pdc', 'mpr', 'count_days', 'days_since', 'no_show_rate', 'screening_due'];

/** The clinical measures that count events of a kind, and so may filter them with a where-clause. */
export const CLINICAL_WITH_EVENT = ['pdc', 'mpr', 'count_days', 'days_since'];

/** Whether a node of this type may carry a where-clause on its event's properties. */
const filtersEvents = (type) => EVENT_TYPES.includes(type) || CLINICAL_WITH_EVENT.includes(type);

export const isGroup = (n) => n && (n.type === 'and' || n.type === 'or');

/** The kind a node is edited as (a trait on context.… is the device/context editor). */
export function kindOf(n) {
  if (!n) return 'unknown';
  if (isGroup(n)) return 'group';
  if (n.type === 'trait') return String(n.path || '').startsWith('context.') ? 'context' : 'trait';
  if (EVENT_TYPES.includes(n.type)) return 'event';
  if (CLINICAL_TYPES.includes(n.type)) return 'clinical';
  if (n.type === 'true' || n.type === 'false') return 'constant';
  return n.type; // age, near, segment, not
}

/**
 * The editor's normal form: the root is a group (a bare condition is wrapped in an "and", the
 * constant true is an empty "and", false an empty "or"), every where-clause is a group too, and
 * a double negation is dropped. Returns a new tree; the input is not changed.
 */
export function normalize(tree) {
  const root = normalizeNode(clone(tree));
  if (isGroup(root)) return root;
  if (root.type === 'true') return { type: 'and', conditions: [] };
  if (root.type === 'false') return { type: 'or', conditions: [] };
  return { type: 'and', conditions: [root] };
}

function normalizeNode(n) {
  if (!n || typeof n !== 'object') return n;
  if (n.type === 'not') {
    const inner = normalizeNode(n.condition);
    return inner && inner.type === 'not' ? inner.condition : { type: 'not', condition: inner };
  }
  if (isGroup(n)) return { type: n.type, conditions: (n.conditions || []).map(normalizeNode) };
  if (filtersEvents(n.type) && n.where) {
    const w = normalizeNode(n.where);
    n.where = isGroup(w) ? w : { type: 'and', conditions: [w] };
  }
  return n;
}

export function clone(x) {
  return x === undefined ? undefined : JSON.parse(JSON.stringify(x));
}

/**
 * The tree as sent to the server: an empty where-group is left out (it would mean "every event",
 * which is what no where-clause means, but reads oddly in the text).
 */
export function forPrinting(tree) {
  const t = clone(tree);
  (function strip(n) {
    if (!n || typeof n !== 'object') return;
    if (isGroup(n)) n.conditions.forEach(strip);
    if (n.type === 'not') strip(n.condition);
    if (filtersEvents(n.type) && n.where) {
      strip(n.where);
      if (isGroup(n.where) && n.where.conditions.length === 0 && n.where.type === 'and') delete n.where;
    }
  }(t));
  return t;
}

/** Converts a measure (did/count/sum…) in place, keeping the event, where-clause and window. */
export function setMeasure(n, type) {
  const was = n.type;
  n.type = type;
  if (type === 'did') {
    delete n.op; delete n.value; delete n.property;
    return;
  }
  if (AGGREGATES.includes(type)) {
    if (!AGGREGATES.includes(was)) n.property = n.property || '';
  } else {
    delete n.property;
  }
  if (!n.op) n.op = '>=';
  if (n.value === undefined || n.value === '') n.value = 1;
  if (type === 'count' && typeof n.value === 'number') n.value = Math.round(n.value);
  reorder(n, ['type', 'event', 'property', 'where', 'window', 'op', 'value']);
}

/** Changes a trait's operator in place, keeping what value still fits the new one. */
export function setTraitOp(n, op) {
  const first = n.value !== undefined ? n.value : Array.isArray(n.values) ? n.values[0] : n.low;
  n.op = op;
  delete n.value; delete n.values; delete n.low; delete n.high;
  if (op === 'in' || op === 'not_in') n.values = first === undefined || first === '' ? [] : [first];
  else if (op === 'between') { n.low = first === undefined ? '' : first; n.high = ''; }
  else if (op !== 'is_null' && op !== 'is_not_null') n.value = first === undefined ? '' : first;
  reorder(n, ['type', 'path', 'op', 'value', 'values', 'low', 'high']);
}

function reorder(n, keys) {
  const copy = { ...n };
  for (const k of Object.keys(n)) delete n[k];
  for (const k of keys) if (copy[k] !== undefined) n[k] = copy[k];
  for (const k of Object.keys(copy)) if (!(k in n)) n[k] = copy[k];
}

/**
 * Typed text to a JSON literal for a field of the given type. Numbers for number fields (when
 * the text is a number), true/false for booleans, strings otherwise; for fields of unknown or
 * mixed type a number-like or true/false text becomes that, and quotes force a string ("5").
 */
export function literal(text, type) {
  const t = String(text);
  const quoted = /^"(.*)"$/s.exec(t.trim());
  if (quoted) return quoted[1];
  if (type === 'string' || type === 'date') return t;
  const trimmed = t.trim();
  if (type === 'boolean' || type === 'mixed' || !type) {
    if (trimmed === 'true') return true;
    if (trimmed === 'false') return false;
  }
  if (type === 'number' || type === 'mixed' || !type) {
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  }
  return t;
}

/** The text shown for a literal in an input (the inverse of {@link literal}). */
export function literalText(v, type) {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return String(v);
  if (type === 'string' || type === 'date') return v;
  // a string that would read back as another type keeps its quotes
  return literal(v, type) === v ? v : `"${v}"`;
}

/** Splits a list typed as `a, b, "c, d"` into its items (quotes kept, so {@link literal} reads them as strings). */
export function splitList(text) {
  const items = [];
  let current = '';
  let quoted = false;
  for (const ch of String(text)) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current.trim());
  return items.filter((s) => s !== '');
}

/** A list of literals as text, the inverse of {@link splitList} with {@link literal}. */
export function listText(values, type) {
  return (values || []).map((v) => {
    const t = literalText(v, type);
    return typeof v === 'string' && t.includes(',') && !t.startsWith('"') ? `"${t}"` : t;
  }).join(', ');
}

/** A number typed in a numeric field: the number, or the text itself so the server names the problem. */
export function numberOrText(text) {
  const t = String(text).trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Follows a JSON Pointer ("/conditions/1/where") from a node. */
export function at(tree, pointer) {
  if (!pointer) return tree;
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((n, key) => (n === undefined || n === null ? undefined : n[key]), tree);
}
