/**
 * Labelled form controls for the builder. Every control carries the JSON Pointer of the node it
 * edits (data-pointer) and the node's key it sets (data-field), so that a server error naming a
 * pointer lands on the right control, and a test or re-render can find it again.
 * @module builder/fields
 */
import { h, uid } from '../ui.js';

/**
 * A control with a visible label above it.
 * @param {string} label
 * @param {HTMLElement} control
 * @param {{hint?: string, className?: string}} [opts]
 */
export function field(label, control, { hint, className = '' } = {}) {
  if (!control.id) control.id = uid('f');
  const hintEl = hint ? h('div', { class: 'form-text', id: uid('hint') }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: `bf ${className}` }, h('label', { for: control.id, class: 'form-label' }, label), control, hintEl);
}

/**
 * @param {{testid: string, pointer: string, field: string, value: *, options: Array<{value: string, label: string}>,
 *   onChange: (value: string) => void, label?: string}} o
 */
export function selectBox(o) {
  const el = h('select', {
    class: 'form-select form-select-sm', 'data-testid': o.testid, 'data-pointer': o.pointer, 'data-field': o.field,
    'aria-label': o.label || null,
  }, o.options.map((opt) => h('option', { value: opt.value, selected: String(o.value) === opt.value }, opt.label)));
  el.addEventListener('change', () => o.onChange(el.value));
  return el;
}

/**
 * A text input; `onInput` runs on every keystroke, `onCommit` when the value is committed (change).
 * @param {{testid: string, pointer: string, field: string, value: string, onInput: (v: string) => void,
 *   onCommit?: (v: string) => void, list?: string, placeholder?: string, inputmode?: string, type?: string,
 *   label?: string, width?: string}} o
 */
export function textBox(o) {
  const el = h('input', {
    type: o.type || 'text', class: 'form-control form-control-sm', value: o.value ?? '', list: o.list || null,
    placeholder: o.placeholder || null, inputmode: o.inputmode || null, autocomplete: 'off', spellcheck: 'false',
    step: o.type === 'number' ? 'any' : null,
    'data-testid': o.testid, 'data-pointer': o.pointer, 'data-field': o.field, 'aria-label': o.label || null,
    style: o.width ? { width: o.width } : null,
  });
  el.addEventListener('input', () => o.onInput(el.value));
  if (o.onCommit) el.addEventListener('change', () => o.onCommit(el.value));
  return el;
}

/** A small icon button with an accessible name. */
export function iconButton({ testid, pointer, label, text, onClick, disabled = false, pressed = null, className = '' }) {
  return h('button', {
    type: 'button', class: `btn btn-sm btn-outline-secondary ${className}`, 'data-testid': testid, 'data-pointer': pointer,
    'aria-label': label, title: label, disabled, 'aria-pressed': pressed === null ? null : String(pressed), onclick: onClick,
  }, text);
}
