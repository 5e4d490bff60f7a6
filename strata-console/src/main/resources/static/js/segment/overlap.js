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

function matrix(res, page) {
  const rows = res.rows || [];
  if (rows.length <= 1) return h('p', { class: 'text-body-secondary' }, 'There are no other saved segments to compare with.');
  const head = h('tr', {}, h('td', {}), rows.map((r, j) => h('th', { scope: 'col', class: 'overlap-col' }, r.name)));
  const body = rows.map((r, i) => h('tr', { 'data-testid': `overlap-row-${i}` },
    h('th', { scope: 'row' }, r.name),
    rows.map((c, j) => cell(res.matrix[i][j], res.matrix[i][i], rows, i, j, page))));
  return h('div', { class: 'table-responsive' },
    h('table', { class: 'table table-sm table-bordered overlap-table', 'data-testid': 'overlap-table' },
      h('caption', {}, 'Profiles in both the row and the column'),
      h('thead', {}, head), h('tbody', {}, body)));
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
