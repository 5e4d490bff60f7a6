/**
 * What /api/schema says about the data, shaped for the builder: the type of a path (which decides
 * its operators and how a typed value is read) and datalists of suggestions.
 * @module builder/schema
 */
import { h, uid, countText } from '../ui.js';

const EMPTY = { traits: [], context: [], events: [], segments: [] };

/**
 * @param {Object|null} schema the answer of GET /api/schema (null when it could not be loaded)
 * @param {HTMLElement} holder where the datalists go (they must be in the document)
 */
export function schemaHelper(schema, holder) {
  const s = schema || EMPTY;
  const lists = new Map();
  const event = (name) => s.events.find((e) => e.name === name);

  const fieldsOf = (scope, path) => {
    if (scope.where !== undefined) return (event(scope.where) || { properties: [] }).properties;
    return String(path || '').startsWith('context.') ? s.context : s.traits;
  };

  /** @returns {string|undefined} string | number | boolean | date | geo | mixed, or undefined when unknown */
  function typeOf(scope, path) {
    const f = fieldsOf(scope, path).find((x) => x.path === path);
    return f ? f.type : undefined;
  }

  function options(kind, arg) {
    const opt = (value, label) => h('option', { value }, label);
    switch (kind) {
      case 'traits': return s.traits.map((f) => opt(f.path, f.type));
      case 'context': return s.context.map((f) => opt(f.path, f.type));
      case 'dates': return s.traits.filter((f) => f.type === 'date').map((f) => opt(f.path, 'date'));
      case 'geo': return s.traits.filter((f) => f.type === 'geo').map((f) => opt(f.path, 'location'));
      case 'events': return s.events.map((e) => opt(e.name, `${countText(e.count)} events`));
      case 'props': return ((event(arg) || {}).properties || []).map((f) => opt(f.path, f.type));
      case 'numericProps': return ((event(arg) || {}).properties || []).filter((f) => f.type === 'number').map((f) => opt(f.path, 'number'));
      case 'values': {
        const [where, path] = String(arg).split('\u0000');
        const scope = where ? { where } : {};
        const f = fieldsOf(scope, path).find((x) => x.path === path);
        return ((f && f.values) || []).map((v) => opt(String(v.value), `${countText(v.count)} profiles`));
      }
      default: return [];
    }
  }

  /** The id of a datalist of suggestions, created on first use. */
  function list(kind, arg = '') {
    const key = `${kind}\u0001${arg}`;
    if (!lists.has(key)) {
      const id = uid('dl');
      holder.append(h('datalist', { id, 'data-list': kind }, options(kind, arg)));
      lists.set(key, id);
    }
    return lists.get(key);
  }

  return { typeOf, list, segments: s.segments, available: !!schema };
}
