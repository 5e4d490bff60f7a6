/**
 * Renders the condition tree: AND/OR groups nested to any depth, each condition with its NOT
 * toggle, move and remove buttons, and an "Add" menu per group. A slot is where a node sits in
 * its parent (so it can be replaced, removed or moved); pointers are JSON Pointers into the tree.
 * @module builder/tree
 */
import { h, uid } from '../ui.js';
import { iconButton, selectBox } from './fields.js';
import { editorFor } from './editors.js';
import { ADD_KINDS, kindOf } from './model.js';

const KIND_LABELS = {
  trait: 'Trait', context: 'Device / context', age: 'Age', event: 'Event', near: 'Near a place',
  segment: 'In segment', constant: 'Constant', group: 'Group', clinical: 'Clinical measure',
};

/** The control that should take the focus first in a new condition of each kind. */
const FIRST_FIELD = {
  trait: 'trait-path', context: 'trait-path', age: 'age-path', event: 'event-name', near: 'near-lat',
  segment: 'segment-name', constant: 'constant-value', group: 'add-kind', clinical: 'clinical-measure',
};

/**
 * @param {Object} node
 * @param {{pointer: string, set: Function, remove?: Function, up?: Function, down?: Function,
 *   index?: number, count?: number, isRoot?: boolean, isWhereRoot?: boolean}} slot
 * @param {import('./editors.js').Scope} scope
 * @param {import('./editors.js').Env} env
 */
export function renderNode(node, slot, scope, env) {
  const negated = node.type === 'not';
  const inner = negated ? node.condition : node;
  const pointer = negated ? `${slot.pointer}/condition` : slot.pointer;
  if (negated && inner && inner.type === 'not') {
    // never produced by the editor (double negations are dropped), but shown faithfully if met
    return renderNode(inner, { pointer, set: (n) => { node.condition = n; } }, scope, env);
  }
  const kind = kindOf(inner);
  const kindLabel = scope.where !== undefined && kind === 'trait' ? 'Property' : KIND_LABELS[kind] || kind;
  const position = slot.index !== undefined ? `${slot.index + 1} of ${slot.count}` : '';
  const name = slot.isRoot ? 'the whole definition' : slot.isWhereRoot ? 'the filter' : `condition ${position}`;
  const toolbar = h('div', { class: 'cond-tools', role: 'toolbar', 'aria-label': `Actions on ${name}` },
    iconButton({
      testid: 'cond-not', pointer, label: negated ? `Remove NOT from ${name}` : `Negate ${name} (NOT)`, text: 'NOT',
      pressed: negated, className: negated ? 'active btn-not' : 'btn-not',
      onClick: () => {
        slot.set(negated ? inner : { type: 'not', condition: inner });
        env.focusNext = { testid: 'cond-not', pointer: negated ? slot.pointer : `${slot.pointer}/condition` };
        env.changed(true);
      },
    }),
    slot.up || slot.down ? [
      iconButton({
        testid: 'cond-up', pointer, label: `Move ${name} up`, text: '↑', disabled: !slot.up,
        onClick: () => { slot.up(); env.focusNext = { testid: 'cond-up', pointer: sibling(slot.pointer, -1, negated) }; env.changed(true); },
      }),
      iconButton({
        testid: 'cond-down', pointer, label: `Move ${name} down`, text: '↓', disabled: !slot.down,
        onClick: () => { slot.down(); env.focusNext = { testid: 'cond-down', pointer: sibling(slot.pointer, 1, negated) }; env.changed(true); },
      }),
    ] : null,
    slot.remove ? iconButton({
      testid: slot.isWhereRoot ? 'where-remove' : 'cond-remove', pointer,
      label: slot.isWhereRoot ? 'Remove the filter' : `Remove ${name}`, text: '✕', className: 'btn-remove',
      onClick: () => { slot.remove(); env.focusNext = slot.afterRemove || null; env.changed(true); },
    }) : null);

  if (kind === 'group') return renderGroup(inner, pointer, slot, scope, env, toolbar, negated, name);
  const row = h('div', {
    class: `cond${negated ? ' cond-negated' : ''}`, 'data-testid': 'condition', 'data-kind': kind, 'data-pointer': pointer,
    'data-slot': slot.pointer, role: 'group', 'aria-label': `${negated ? 'NOT ' : ''}${kindLabel}, ${name}`,
  },
  h('div', { class: 'cond-head' },
    h('span', { class: 'cond-kind' }, negated ? h('span', { class: 'badge text-bg-danger me-1' }, 'NOT') : null, kindLabel),
    toolbar),
  h('div', { class: 'cond-body' }, editorFor(kind, inner, pointer, env, scope)),
  h('div', { class: 'cond-error', 'data-testid': 'cond-error', 'data-pointer': pointer, 'aria-live': 'polite' }));
  return row;
}

function renderGroup(group, pointer, slot, scope, env, toolbar, negated, name) {
  const scopeKey = scope.where !== undefined ? 'where' : 'profile';
  const children = group.conditions;
  const list = h('ol', { class: 'group-children', 'data-joiner': group.type.toUpperCase() },
    children.map((child, i) => h('li', {}, renderNode(child, childSlot(group, i, pointer, slot), scope, env))));
  const kindSelect = selectBox({
    testid: 'add-kind', pointer, field: 'conditions', value: 'trait', label: `Kind of condition to add to ${name}`,
    options: ADD_KINDS[scopeKey].map((k) => ({ value: k.kind, label: k.label })),
    onChange: () => {},
  });
  const add = () => {
    const spec = ADD_KINDS[scopeKey].find((k) => k.kind === kindSelect.value);
    group.conditions.push(spec.make());
    env.focusNext = { testid: FIRST_FIELD[spec.kind], pointer: `${pointer}/conditions/${group.conditions.length - 1}` };
    env.changed(true);
  };
  const legendId = uid('legend');
  const mode = selectBox({
    testid: 'group-mode', pointer, field: 'type', value: group.type, label: `How ${name} combines its conditions`,
    options: [{ value: 'and', label: 'all of these (AND)' }, { value: 'or', label: 'any of these (OR)' }],
    onChange: (v) => { group.type = v; env.changed(true); },
  });
  return h('fieldset', {
    class: `group group-${group.type}${negated ? ' cond-negated' : ''}${slot.isRoot ? ' group-root' : ''}`,
    'data-testid': 'group', 'data-pointer': pointer, 'data-slot': slot.pointer, 'aria-labelledby': legendId,
  },
  h('legend', { id: legendId, class: 'visually-hidden' }, `${negated ? 'NOT: ' : ''}Group, ${name}`),
  h('div', { class: 'group-head' },
    negated ? h('span', { class: 'badge text-bg-danger' }, 'NOT') : null,
    h('span', { class: 'group-lead', 'aria-hidden': 'true' }, slot.isWhereRoot ? 'Events where' : 'Match'),
    mode, toolbar),
  children.length ? list : h('p', { class: 'group-empty', 'data-testid': 'group-empty', 'data-pointer': pointer },
    group.type === 'and' ? 'No conditions yet: this matches everyone.' : 'No conditions yet: this matches no one.'),
  h('div', { class: 'add-bar' },
    kindSelect,
    h('button', {
      type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': 'add-condition', 'data-pointer': pointer,
      onclick: add, 'aria-label': `Add a condition to ${name}`,
    }, '+ Add')),
  h('div', { class: 'cond-error', 'data-testid': 'cond-error', 'data-pointer': pointer, 'aria-live': 'polite' }));
}

function childSlot(group, i, groupPointer, parentSlot) {
  const list = group.conditions;
  const swap = (a, b) => { [list[a], list[b]] = [list[b], list[a]]; };
  const pointer = `${groupPointer}/conditions/${i}`;
  return {
    pointer,
    index: i,
    count: list.length,
    set: (n) => { list[i] = n; },
    remove: () => { list.splice(i, 1); },
    up: i > 0 ? () => swap(i, i - 1) : null,
    down: i < list.length - 1 ? () => swap(i, i + 1) : null,
    // focus goes to the group's Add menu after a removal: the removed row's place may be empty
    afterRemove: { testid: 'add-kind', pointer: groupPointer },
    parent: parentSlot,
  };
}

/** The pointer of a moved node's new place (its own pointer when it is inside a NOT). */
function sibling(slotPointer, delta, negated) {
  const m = /^(.*\/conditions\/)(\d+)$/.exec(slotPointer);
  if (!m) return slotPointer;
  const moved = `${m[1]}${Number(m[2]) + delta}`;
  return negated ? `${moved}/condition` : moved;
}

