/**
 * The where-filter of a condition on events (did, count, sum…, and the clinical measures pdc, mpr,
 * count_days, days_since): a group of property conditions, edited with the same property editors
 * and suggestions as the rest of the tree, scoped to the condition's event.
 * @module builder/where
 */
import { h } from '../ui.js';
import { iconButton } from './fields.js';

/**
 * The "+ Filter events" button, or the filter's group once there is one.
 * @param {Object} node a condition with an `event` (and maybe a `where`)
 * @param {string} pointer the condition's JSON Pointer
 * @param {import('./editors.js').Env} env
 */
export function whereEditor(node, pointer, env) {
  if (!node.where) {
    return h('div', { class: 'bf-row' }, iconButton({
      testid: 'where-add', pointer, label: 'Add a filter on the event’s properties', text: '+ Filter events (where …)',
      onClick: () => {
        node.where = { type: 'and', conditions: [{ type: 'trait', path: '', op: '=', value: '' }] };
        env.focusNext = { testid: 'trait-path', pointer: `${pointer}/where/conditions/0` };
        env.changed(true);
      },
    }));
  }
  const slot = {
    pointer: `${pointer}/where`,
    set: (n) => { node.where = n; },
    remove: () => { delete node.where; },
    isWhereRoot: true,
  };
  return h('div', { class: 'where-editor', 'data-testid': 'where-editor', 'data-pointer': pointer },
    h('div', { class: 'where-title' }, 'where the event’s properties match'),
    env.renderNode(node.where, slot, { where: node.event || '' }));
}
