/**
 * What the scorecard's metrics are called and how they are shown, shared by the segment page's
 * card and the ranking page. Weights live in the route's query (?weights=size:1,reach:2) and the
 * last ones used are remembered in localStorage.
 * @module scorecard/metrics
 */
import { h } from '../ui.js';

/** The metrics a user weighs on the ranking page, with the words that explain them. */
export const MAIN_METRICS = [
  { key: 'size', label: 'Size', help: 'Members now, on a log scale.' },
  { key: 'growth', label: '30-day growth', help: 'Change of the size over 30 days, relative.' },
  { key: 'reach', label: 'Reachable', help: 'Share reachable on at least one channel.' },
  { key: 'engagement', label: 'Engagement', help: 'Mean engagement score, 0 to 100.' },
  { key: 'adherence_gap', label: 'Adherence gap', help: 'Share of eligible members not adherent (PDC below the threshold).' },
  { key: 'screening_gap', label: 'Screening gap', help: 'Share of eligible members due for a screening.' },
];

export const DEFAULT_WEIGHTS = { size: 1, growth: 0.5, reach: 1, engagement: 0.5, adherence_gap: 1, screening_gap: 1 };

const KEY = 'strata.scorecard.weights';

/** "size:1,reach:2" to {size: 1, reach: 2}; null when the text is not of that form. */
export function parseWeights(text) {
  if (!text) return null;
  const out = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split(':');
    const n = Number(v);
    if (!k || v === undefined || v.trim() === '' || !Number.isFinite(n)) return null;
    out[k.trim()] = n;
  }
  return out;
}

export function weightsText(weights) {
  return Object.entries(weights).map(([k, v]) => `${k}:${v}`).join(',');
}

/** The weights of the route, else the last ones used, else the defaults. */
export function currentWeights(params) {
  return parseWeights(params.weights) || parseWeights(localStorage.getItem(KEY)) || { ...DEFAULT_WEIGHTS };
}

export function rememberWeights(weights) {
  localStorage.setItem(KEY, weightsText(weights));
}

/** A share as a percentage ("42.5%"), or a dash explaining why there is none. */
export function fmtShare(x, attrs = {}) {
  if (typeof x !== 'number') {
    return h('span', { class: 'text-body-secondary', title: 'Not shown: no one counts towards it, or a count it is computed from is withheld.', ...attrs }, '—');
  }
  return h('span', { 'data-share': String(x), ...attrs }, `${(100 * x).toFixed(1)}%`);
}

/** A relative growth as a signed percentage. */
export function fmtGrowth(x, attrs = {}) {
  if (typeof x !== 'number') return fmtShare(x, attrs);
  const pct = 100 * x;
  const text = `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(1)}%`;
  return h('span', { 'data-share': String(x), class: pct > 0 ? 'change-up' : pct < 0 ? 'change-down' : '', ...attrs }, text);
}

/** A score out of 100, one decimal. */
export function fmtScore(x, attrs = {}) {
  if (typeof x !== 'number') return fmtShare(x, attrs);
  return h('span', { 'data-score': String(x), ...attrs }, x.toFixed(1));
}
