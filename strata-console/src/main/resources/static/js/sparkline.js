/**
 * Inline SVG sparklines (no chart library: a list page may hold hundreds).
 * @module sparkline
 */
import { h, countText } from './ui.js';

/**
 * A small line of a series; suppressed points ("<11", "hidden") and nulls leave gaps.
 * @param {Array<number|string|null>} values oldest first
 * @param {{width?: number, height?: number, label?: string}} [opts]
 * @returns {SVGElement|HTMLElement}
 */
export function sparkline(values, { width = 96, height = 24, label = 'Trend' } = {}) {
  const pts = (values || []).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  const known = pts.filter((v) => v !== null);
  if (known.length < 2) return h('span', { class: 'text-body-secondary', 'data-testid': 'sparkline-none' }, '—');
  const min = Math.min(...known);
  const max = Math.max(...known);
  const pad = 2;
  const x = (i) => pad + (i * (width - 2 * pad)) / Math.max(1, pts.length - 1);
  const y = (v) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
  let d = '';
  let pen = false;
  pts.forEach((v, i) => {
    if (v === null) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  const lastIndex = pts.length - 1 - [...pts].reverse().findIndex((v) => v !== null);
  const first = (values || []).find((v) => v !== null && v !== undefined);
  const last = values[values.length - 1];
  const summary = `${label}: ${countText(first)} to ${countText(last)} over ${values.length} days`;
  return h('svg', {
    class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary,
    'data-testid': 'sparkline', 'data-points': String(known.length),
  },
  h('title', {}, summary),
  h('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5', class: 'spark-line' }),
  h('circle', { cx: x(lastIndex).toFixed(1), cy: y(pts[lastIndex]).toFixed(1), r: '2', class: 'spark-end' }));
}
