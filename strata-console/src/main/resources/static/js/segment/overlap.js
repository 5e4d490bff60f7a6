// Overlap of the population with every saved segment: a matrix whose cells narrow the population
// to the intersection. Shading is relative to the row's own size, and only where both are numbers.
import { fmtCount, h, loading } from '../ui.js';

import { conjoin, inSegment } from '../drill.js';

export function overlapCard(page) {
  const body = h('div', { class: 'card-body' }, loading());
  const card = h('section', { class: 'card chart-card mb-4', 'data-testid': 'overlap', 'aria-labelledby': 'overlap-title' },
    h('div', { class: 'card-header' }, h('h2', { class: 'h6 mb-0', id: 'overlap-title' }, 'Overlap with other segments')),
    body);
  page.api.post('/api/analytics/overlap', { definition: page.base, segments: null })
    .then(res => body.replaceChildren(
      h('p', { class: 'small text-body-secondary' }, 'Each cell counts the profiles in both its row and its column; '
        + 'the diagonal is each one\'s size. Choose a cell to narrow this population to it.'),
      matrix(res, page)))
    .catch(e => body.replaceChildren(h('div', { class: 'alert alert-warning py-1 px-2 small', role: 'alert' }, e.message)));
  return card;
}

/** The condition that narrows this population to a cell; null for this population with itself. */
function cellCondition(rows, i, j) {
  const parts = [rows[i], rows[j]].filter(r => r.id != null).map(r => inSegment(r.name));
  const unique = [...new Set(parts)];
  return unique.length ? conjoin(unique) : null;
}

const FIRST = 8;

/**
 * The segments sharing the most profiles with this population first (row 0 is the population);
 * shares the server suppressed cannot be ranked and come after the numbers, in the server's order.
 */
function ranked(res) {
  const others = res.rows.map((r, i) => i).filter(i => i > 0);
  const share = i => (typeof res.matrix[0][i] === 'number' ? res.matrix[0][i] : -1);
  return [0, ...others.sort((a, b) => share(b) - share(a) || a - b)];
}

function matrix(res, page) {
  const rows = res.rows || [];
  if (rows.length <= 1) return h('p', { class: 'text-body-secondary' }, 'There are no other saved segments to compare with.');
  const order = ranked(res);
  const holder = h('div', {});
  const draw = all => {
    const shown = all ? order : order.slice(0, FIRST + 1);
    const head = h('tr', {}, h('td', {}), shown.map(j => h('th', { scope: 'col', class: 'overlap-col' }, rows[j].name)));
    const body = shown.map(i => h('tr', { 'data-testid': `overlap-row-${i}` },
      h('th', { scope: 'row' }, rows[i].name),
      shown.map(j => cell(res.matrix[i][j], res.matrix[i][i], rows, i, j, page))));
    const more = order.length > FIRST + 1
      ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'overlap-all',
        'aria-expanded': String(all), onclick: () => draw(!all) },
      all ? `Show the ${FIRST} largest overlaps` : `Show all ${order.length - 1} segments`)
      : null;
    holder.replaceChildren(h('div', { class: 'table-responsive' },
      h('table', { class: 'table table-sm table-bordered overlap-table', 'data-testid': 'overlap-table' },
        h('caption', {}, all || !more ? 'Profiles in both the row and the column'
          : `Profiles in both the row and the column: the ${FIRST} segments sharing the most with this population`),
        h('thead', {}, head), h('tbody', {}, body))), more);
  };
  draw(false);
  return holder;
}

function cell(value, rowSize, rows, i, j, page) {
  const condition = cellCondition(rows, i, j);
  const ratio = typeof value === 'number' && typeof rowSize === 'number' && rowSize > 0 ? value / rowSize : 0;
  const style = `background-color: rgba(47, 111, 176, ${(0.08 + 0.5 * ratio).toFixed(2)})`;
  const content = fmtCount(value);
  const testid = `overlap-cell-${i}-${j}`;
  if (!condition) return h('td', { style, 'data-testid': testid }, content);
  return h('td', { style, 'data-testid': testid },
    h('button', { type: 'button', class: 'btn btn-link p-0', 'data-testid': `${testid}-pick`,
      'aria-label': `Narrow to ${rows[i].name} and ${rows[j].name}`, onclick: () => page.pick(condition) }, content));
}
