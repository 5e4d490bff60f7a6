/**
 * Small DOM helpers shared by every page: element building, count formatting under the
 * small-count rule, and the loading / empty / error states.
 * @module ui
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'path', 'polyline', 'line', 'circle', 'rect', 'g', 'title', 'text']);

/**
 * Builds an element. Attributes: `class`, `style` (string or object), `dataset` (object),
 * `on<event>` (listener, e.g. `onclick`), `value`/`checked`/`selected`/`disabled` (set as
 * properties), `true`/`false` for boolean attributes, anything else as an attribute.
 * Children may be nodes, strings, numbers, arrays, or null/undefined/false (skipped).
 * @param {string} tag
 * @param {Object<string, *>} [attrs]
 * @param {...*} children
 * @returns {HTMLElement|SVGElement}
 */
export function h(tag, attrs, ...children) {
  const el = SVG_TAGS.has(tag) ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled' || k === 'indeterminate') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let uidCounter = 0;
/** A document-unique id, for label/for and aria-describedby pairs. */
export function uid(prefix = 'id') {
  uidCounter += 1;
  return `${prefix}-${uidCounter}`;
}

export const SMALL = '<11';
export const HIDDEN = 'hidden';
export const SMALL_TITLE = 'Fewer than 11 people: small counts are not shown, to protect privacy.';
export const HIDDEN_TITLE = 'Hidden so that a small count nearby cannot be worked out by subtraction.';

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * A count as text: numbers with thousands separators, "<11" and "hidden" as they are, "—" when absent.
 * @param {number|string|null|undefined} x
 */
export function countText(x) {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'number') return numberFormat.format(x);
  return String(x);
}

/**
 * A count as an element: the number, or "<11" / "hidden" with a title (and screen-reader text)
 * saying why the exact number is not shown.
 * @param {number|string|null|undefined} x
 * @param {Object} [attrs] extra attributes (e.g. data-testid)
 * @returns {HTMLElement}
 */
export function fmtCount(x, attrs = {}) {
  const suppressed = x === SMALL || x === HIDDEN;
  const title = x === SMALL ? SMALL_TITLE : x === HIDDEN ? HIDDEN_TITLE : null;
  return h('span', {
    class: `count${suppressed ? ' count-suppressed' : ''}`,
    title,
    'data-count': x === null || x === undefined ? '' : String(x),
    ...attrs,
  }, countText(x), title ? h('span', { class: 'visually-hidden' }, ` (${title})`) : null);
}

/**
 * A signed change (+12, −3, 0) as an element; "<11"/"hidden" as in {@link fmtCount}.
 * @param {number|string|null|undefined} x
 */
export function fmtChange(x, attrs = {}) {
  if (typeof x !== 'number') return fmtCount(x, attrs);
  const text = x > 0 ? `+${numberFormat.format(x)}` : x < 0 ? `−${numberFormat.format(-x)}` : '0';
  return h('span', { class: `count change ${x > 0 ? 'change-up' : x < 0 ? 'change-down' : ''}`, 'data-count': String(x), ...attrs }, text);
}

/** A relative time such as "3 h ago", with the exact instant as its title. */
export function fmtWhen(iso) {
  if (!iso) return h('span', { class: 'text-body-secondary' }, 'never');
  const t = new Date(iso);
  const s = Math.round((Date.now() - t.getTime()) / 1000);
  let text;
  if (s < 60) text = 'just now';
  else if (s < 3600) text = `${Math.floor(s / 60)} min ago`;
  else if (s < 86400) text = `${Math.floor(s / 3600)} h ago`;
  else if (s < 86400 * 60) text = `${Math.floor(s / 86400)} d ago`;
  else text = t.toISOString().slice(0, 10);
  return h('time', { datetime: t.toISOString(), title: t.toISOString() }, text);
}

/** A loading placeholder with a polite status role. */
export function loading(what = 'Loading…') {
  return h('div', { class: 'state state-loading', role: 'status', 'data-testid': 'loading' },
    h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }), what);
}

/**
 * An empty state: a title, a sentence, and optionally an action element (a link or button).
 * @param {string} title
 * @param {string} text
 * @param {Node} [action]
 */
export function emptyState(title, text, action) {
  return h('div', { class: 'state state-empty', role: 'status', 'data-testid': 'empty-state' },
    h('p', { class: 'state-title' }, title), h('p', {}, text), action || null);
}

/**
 * An error state (role=alert) for a failed load, with an optional retry button.
 * @param {Error} err an ApiError or any error
 * @param {() => void} [retry]
 */
export function errorState(err, retry) {
  const status = err && err.status;
  let text = (err && err.message) || 'Something went wrong.';
  if (status === 403) text = `Your role may not see this. (${text})`;
  if (status === 404) text = `Not found. (${text})`;
  return h('div', { class: 'state state-error alert alert-danger', role: 'alert', 'data-testid': 'error-state' },
    h('p', { class: 'mb-2' }, text),
    retry ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', onclick: retry, 'data-testid': 'retry' }, 'Try again') : null);
}

/** Reads a message to screen-reader users through the page's polite live region. */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  // a fresh text node after a frame, so that repeating the same message is announced again
  requestAnimationFrame(() => { el.textContent = message; });
}

/**
 * Delays calls until `ms` have passed without another one.
 * @returns {Function & {cancel: () => void, flush: () => void, pending: boolean}}
 */
export function debounce(fn, ms) {
  let timer = null;
  let lastArgs = null;
  const d = (...args) => {
    lastArgs = args;
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...lastArgs); }, ms);
  };
  d.cancel = () => { clearTimeout(timer); timer = null; };
  d.flush = () => { if (timer) { d.cancel(); fn(...lastArgs); } };
  Object.defineProperty(d, 'pending', { get: () => timer !== null });
  return d;
}

/**
 * A page heading (focused by the router after navigation, so screen readers announce the page).
 * @param {string} title
 * @param {...Node} actions elements shown to its right
 */
export function pageHeader(title, ...actions) {
  return h('div', { class: 'page-header' },
    h('h1', { class: 'h3 page-title', tabindex: '-1', 'data-testid': 'page-title' }, title),
    actions.length ? h('div', { class: 'page-actions' }, actions) : null);
}
