/**
 * The fields of each kind of condition: trait (and device/context), age, event (did, count,
 * sum/avg/min/max with where-filter and window), near, segment reference and the constants.
 * @module builder/editors
 */
import { h } from '../ui.js';
import { field, selectBox, textBox } from './fields.js';
import { windowEditor } from './window.js';
import { whereEditor } from './where.js';
import { clinicalEditor } from './clinical.js';
import {
  COMPARISONS, OP_LABELS, MEASURES, AGGREGATES, opsFor, setTraitOp, setMeasure, literal, literalText,
  splitList, listText, numberOrText,
} from './model.js';

const opOptions = (ops) => ops.map((op) => ({ value: op, label: `${OP_LABELS[op]} (${op.replace('_', ' ')})` }));

/**
 * @typedef {Object} Env
 * @property {(structural?: boolean) => void} changed the tree changed (structural: re-render it)
 * @property {(scope: Scope, path: string) => (string|undefined)} typeOf the schema type of a path
 * @property {(name: string, arg?: string) => string} list the id of a datalist of suggestions
 * @property {(node: Object, slot: Object, scope: Scope) => HTMLElement} renderNode
 * @property {Array<{name: string}>} segments saved segments that may be referred to
 * @typedef {{where?: string}} Scope a where-clause names its event; otherwise the profile
 */

/** The body of a condition row. */
export function editorFor(kind, node, pointer, env, scope) {
  if (kind === 'trait' || kind === 'context') return traitEditor(node, pointer, env, scope, kind);
  if (kind === 'age') return ageEditor(node, pointer, env, scope);
  if (kind === 'event') return eventEditor(node, pointer, env);
  if (kind === 'near') return nearEditor(node, pointer, env);
  if (kind === 'segment') return segmentEditor(node, pointer, env);
  if (kind === 'constant') return constantEditor(node, pointer, env);
  if (kind === 'clinical') return clinicalEditor(node, pointer, env);
  return h('p', { class: 'text-danger' }, `Unknown condition type "${node.type}"`);
}

function traitEditor(node, pointer, env, scope, kind) {
  const type = env.typeOf(scope, node.path);
  const pathList = scope.where !== undefined ? env.list('props', scope.where) : env.list(kind === 'context' ? 'context' : 'traits');
  const pathLabel = scope.where !== undefined ? 'Property' : kind === 'context' ? 'Context field' : 'Trait';
  const path = textBox({
    testid: 'trait-path', pointer, field: 'path', value: node.path, list: pathList,
    placeholder: kind === 'context' ? 'context.device.type' : scope.where !== undefined ? 'drug_class' : 'plan',
    onInput: (v) => { node.path = v.trim(); env.changed(); },
    onCommit: () => { // the type may have changed: offer its operators, values and value control
      fitValue(node, env.typeOf(scope, node.path));
      env.changed(true);
    },
  });
  const op = selectBox({
    testid: 'trait-op', pointer, field: 'op', value: node.op, options: opOptions(opsFor(type, node.op)),
    onChange: (v) => { setTraitOp(node, v); env.changed(true); },
  });
  const parts = [field(pathLabel, path, { className: 'bf-path' }), field('Operator', op)];
  const values = env.list('values', `${scope.where ?? ''}\u0000${node.path}`);
  if (node.op === 'in' || node.op === 'not_in') {
    parts.push(field('Values', textBox({
      testid: 'trait-values', pointer, field: 'values', value: listText(node.values, type), list: values,
      onInput: (v) => { node.values = splitList(v).map((t) => literal(t, type)); env.changed(); },
    }), { hint: 'Separate with commas; quote a value that holds one.', className: 'bf-wide' }));
  } else if (node.op === 'between') {
    for (const [key, label] of [['low', 'From'], ['high', 'To (included)']]) {
      parts.push(field(label, textBox({
        testid: `trait-${key}`, pointer, field: key, value: literalText(node[key], type), list: values,
        onInput: (v) => { node[key] = literal(v, type); env.changed(); },
      })));
    }
  } else if (node.op !== 'is_null' && node.op !== 'is_not_null') {
    parts.push(field('Value', valueControl(node, pointer, env, type, values), { className: 'bf-value' }));
  }
  return parts;
}

/** A value typed before the field's type was known, read again as that type (booleans get a true/false choice). */
function fitValue(node, type) {
  if (node.value === undefined || (node.op !== '=' && node.op !== '!=')) return;
  if (type === 'boolean' && typeof node.value !== 'boolean') node.value = node.value !== 'false';
  else if (typeof node.value === 'string' && node.value !== '') node.value = literal(node.value, type);
}

function valueControl(node, pointer, env, type, list) {
  if (type === 'boolean' && typeof node.value === 'boolean') {
    return selectBox({
      testid: 'trait-value', pointer, field: 'value', value: String(node.value),
      options: [{ value: 'true', label: 'true' }, { value: 'false', label: 'false' }],
      onChange: (v) => { node.value = v === 'true'; env.changed(); },
    });
  }
  const textual = node.op === 'contains' || node.op === 'starts_with' || node.op === 'ends_with';
  return textBox({
    testid: 'trait-value', pointer, field: 'value', value: literalText(node.value, textual ? 'string' : type), list,
    inputmode: type === 'number' ? 'decimal' : null,
    onInput: (v) => { node.value = literal(v, textual ? 'string' : type); env.changed(); },
  });
}

function ageEditor(node, pointer, env, scope) {
  const list = scope.where !== undefined ? env.list('props', scope.where) : env.list('dates');
  return [
    field('Age of (a date)', textBox({
      testid: 'age-path', pointer, field: 'path', value: node.path, list, placeholder: 'birthday',
      onInput: (v) => { node.path = v.trim(); env.changed(); },
    }), { className: 'bf-path' }),
    field('Operator', selectBox({
      testid: 'age-op', pointer, field: 'op', value: node.op, options: opOptions(COMPARISONS),
      onChange: (v) => { node.op = v; env.changed(); },
    })),
    field('Years', textBox({
      testid: 'age-value', pointer, field: 'value', value: literalText(node.value, 'number'), inputmode: 'numeric', width: '6em',
      onInput: (v) => { node.value = numberOrText(v); env.changed(); },
    })),
  ];
}

function eventEditor(node, pointer, env) {
  const aggregate = AGGREGATES.includes(node.type);
  const parts = [
    field('Measure', selectBox({
      testid: 'event-measure', pointer, field: 'type', value: node.type,
      options: MEASURES.map((m) => ({ value: m.type, label: m.label })),
      onChange: (v) => { setMeasure(node, v); env.changed(true); },
    })),
    field('Event', textBox({
      testid: 'event-name', pointer, field: 'event', value: node.event, list: env.list('events'), placeholder: 'App Open',
      onInput: (v) => { node.event = v; env.changed(); },
      onCommit: () => env.changed(true), // property suggestions follow the event
    }), { className: 'bf-path' }),
  ];
  if (aggregate) {
    parts.push(field('Property', textBox({
      testid: 'event-property', pointer, field: 'property', value: node.property, list: env.list('numericProps', node.event),
      placeholder: 'steps', onInput: (v) => { node.property = v.trim(); env.changed(); },
    }), { className: 'bf-path' }));
  }
  const body = [h('div', { class: 'bf-row' }, parts)];
  body.push(h('div', { class: 'bf-row' }, windowEditor(node, pointer, env)));
  if (node.type !== 'did') {
    body.push(h('div', { class: 'bf-row' },
      field(node.type === 'count' ? 'Count is' : 'Value is', selectBox({
        testid: 'event-op', pointer, field: 'op', value: node.op, options: opOptions(COMPARISONS),
        onChange: (v) => { node.op = v; env.changed(); },
      })),
      field(node.type === 'count' ? 'Events' : 'Number', textBox({
        testid: 'event-value', pointer, field: 'value', value: literalText(node.value, 'number'), inputmode: 'decimal', width: '7em',
        onInput: (v) => { node.value = numberOrText(v); env.changed(); },
      }))));
  }
  body.push(whereEditor(node, pointer, env));
  return body;
}

function nearEditor(node, pointer, env) {
  const num = (key, label, testid, placeholder) => field(label, textBox({
    testid, pointer, field: key, value: node[key] ?? '', type: 'number', placeholder, width: '8em',
    onInput: (v) => { node[key] = numberOrText(v); env.changed(); },
  }));
  return [
    field('Location trait', textBox({
      testid: 'near-path', pointer, field: 'path', value: node.path, list: env.list('geo'), placeholder: 'address',
      onInput: (v) => { node.path = v.trim(); env.changed(); },
    }), { className: 'bf-path' }),
    num('latitude', 'Latitude', 'near-lat', '34.05'),
    num('longitude', 'Longitude', 'near-lon', '-118.24'),
    num('radius_km', 'Radius (km)', 'near-radius', '25'),
  ];
}

function segmentEditor(node, pointer, env) {
  const names = env.segments.map((s) => s.name);
  if (node.name && !names.includes(node.name)) names.push(node.name);
  return [field('Segment', selectBox({
    testid: 'segment-name', pointer, field: 'name', value: node.name,
    options: [{ value: '', label: 'Choose a segment…' }, ...names.map((n) => ({ value: n, label: n }))],
    onChange: (v) => { node.name = v; env.changed(); },
  }), { className: 'bf-wide' })];
}

function constantEditor(node, pointer, env) {
  return [field('Matches', selectBox({
    testid: 'constant-value', pointer, field: 'type', value: node.type,
    options: [{ value: 'true', label: 'everyone (true)' }, { value: 'false', label: 'no one (false)' }],
    onChange: (v) => { node.type = v; env.changed(); },
  }))];
}
