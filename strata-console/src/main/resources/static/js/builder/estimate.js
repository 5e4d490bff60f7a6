/**
 * The live size of the definition being edited (POST /api/segments/estimate): exact when the
 * server can count it in time, otherwise a sampled estimate with its 95% interval.
 * @module builder/estimate
 */
import { h, fmtCount, countText } from '../ui.js';

export function estimatePanel() {
  const value = h('div', { class: 'estimate-value', 'data-testid': 'builder-estimate', 'data-size': '' }, '—');
  const detail = h('div', { class: 'estimate-detail small text-body-secondary', 'data-testid': 'estimate-detail' }, 'Waiting for a definition…');
  // a compact bar that stays at the top of the window while a long tree scrolls under it
  const el = h('section', { class: 'estimate', 'aria-labelledby': 'estimate-title', 'aria-live': 'polite', 'aria-busy': 'false' },
    h('h2', { class: 'estimate-title', id: 'estimate-title' }, 'Profiles matching now'),
    value, detail);

  return {
    el,
    busy() {
      el.setAttribute('aria-busy', 'true');
      value.classList.add('estimate-stale');
    },
    /** @param {{size: number|string, exact: boolean, low: number|string, high: number|string, tookMs: number}} r */
    show(r) {
      el.setAttribute('aria-busy', 'false');
      value.classList.remove('estimate-stale');
      value.dataset.size = String(r.size);
      value.dataset.exact = String(!!r.exact);
      value.replaceChildren(r.exact ? '' : '≈ ', fmtCount(r.size), h('span', { class: 'estimate-unit' }, ' profiles'));
      detail.textContent = r.exact
        ? `Exact count · ${r.tookMs} ms`
        : `Estimated from a sample · 95% between ${countText(r.low)} and ${countText(r.high)} · ${r.tookMs} ms`;
    },
    /** No size: the definition is incomplete or wrong (the reason says which). */
    none(reason) {
      el.setAttribute('aria-busy', 'false');
      value.classList.remove('estimate-stale');
      value.dataset.size = '';
      value.replaceChildren('—');
      detail.textContent = reason;
    },
  };
}
