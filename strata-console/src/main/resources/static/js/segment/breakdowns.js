// Breakdowns of the population by age band, gender, state, plan, device and traits the user adds.
// A bar, its axis label or its table row narrows the population to that bucket.
import { fmtCount, h } from '../ui.js';
import { barChart, chartCard, dataTable } from '../charts.js';
import { pathText } from '../paths.js';

export const STANDARD = [
  { by: 'age_band', title: 'Age band' },
  { by: 'gender', title: 'Gender' },
  { by: 'address.state', title: 'State' },
  { by: 'plan', title: 'Plan' },
  { by: 'context.device.type', title: 'Device' },
];

const PICKABLE = new Set(['string', 'number', 'boolean']);

export function slug(path) {
  return path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

/** The breakdowns section: the standard dimensions, the added ones and the trait picker. */
export function breakdownsSection(page) {
  const standard = new Set(STANDARD.map(d => d.by));
  const added = page.dims.filter(d => !standard.has(d)).map(d => ({ by: d, title: d, removable: true }));
  const grid = h('div', { class: 'breakdown-grid' },
    [...STANDARD, ...added].map(dim => breakdownCard(page, dim)));
  return h('section', { class: 'mb-4', 'aria-labelledby': 'breakdowns-title', 'data-testid': 'breakdowns' },
    h('div', { class: 'd-flex flex-wrap align-items-end gap-2 mb-2' },
      h('h2', { class: 'h5 mb-0 me-auto', id: 'breakdowns-title' }, 'Breakdowns'),
      traitPicker(page, new Set([...standard, ...page.dims]))),
    h('p', { class: 'small text-body-secondary' }, 'Click a bar, its label or a table row to narrow the population to it.'),
    grid);
}

function traitPicker(page, shown) {
  const select = h('select', { class: 'form-select form-select-sm w-auto', id: 'breakdown-trait', 'data-testid': 'breakdown-trait' },
    h('option', { value: '' }, 'Loading traits…'));
  select.disabled = true;
  const add = h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary text-nowrap', 'data-testid': 'breakdown-add',
    onclick: () => { if (select.value) page.goDims([...page.dims, select.value]); } }, 'Add breakdown');
  add.disabled = true;
  page.schema.then(schema => {
    const traits = (schema.traits || []).filter(t => PICKABLE.has(t.type) && !shown.has(t.path));
    select.replaceChildren(h('option', { value: '' }, traits.length ? 'Choose a trait…' : 'No other traits'),
      ...traits.map(t => h('option', { value: t.path }, `${t.path} (${t.type})`)));
    select.disabled = traits.length === 0;
    add.disabled = traits.length === 0;
  }).catch(e => {
    select.replaceChildren(h('option', { value: '' }, 'Traits unavailable: ' + e.message));
  });
  return h('div', { class: 'd-flex flex-wrap gap-2 align-items-center' },
    h('label', { for: 'breakdown-trait', class: 'form-label small mb-0 text-nowrap' }, 'Break down by trait'),
    select, add);
}

function breakdownCard(page, dim) {
  const testid = 'breakdown-' + slug(dim.by);
  const controls = dim.removable ? [h('button', {
    type: 'button', class: 'btn btn-sm btn-outline-secondary', 'aria-label': `Remove the breakdown by ${dim.title}`,
    'data-testid': `${testid}-remove`, onclick: () => page.goDims(page.dims.filter(d => d !== dim.by)),
  }, 'Remove')] : [];
  const card = chartCard({ title: `By ${dim.title}`, testid, controls });
  card.loading();
  page.api.post('/api/analytics/breakdown', { definition: page.base, by: dim.by, limit: 20 })
    .then(res => show(card, res, dim, page, testid))
    .catch(e => card.fail(e.message));
  return card.card;
}

function show(card, res, dim, page, testid) {
  const rows = res.buckets.map(b => ({ label: b.label, count: b.count, condition: b.condition }));
  if (res.missingCount !== 0 && res.missingCount != null) {
    // Age bands come from birthday; a missing or unreadable one has no single condition to drill into.
    const condition = dim.by === 'age_band' ? null : `${pathText(dim.by)} is null`;
    rows.push({ label: 'No value', count: res.missingCount, condition });
  }
  if (res.total === 0 || rows.length === 0) {
    card.empty('No one in this population.');
    return;
  }
  const share = row => (typeof row.count === 'number' && typeof res.total === 'number' && res.total > 0
    ? (100 * row.count / res.total).toFixed(1) + '%' : '—');
  const table = dataTable({
    caption: `${dim.title}: ${rows.length} groups of a population of `,
    testid: `${testid}-table`,
    columns: [
      { label: dim.title, value: r => r.label },
      { label: 'Profiles', value: r => fmtCount(r.count) },
      { label: 'Share', value: share },
      { label: 'Condition', value: r => (r.condition ? h('code', {}, r.condition) : '—') },
    ],
    rows,
    pick: { label: r => `Narrow to ${dim.title} ${r.label}`, can: r => !!r.condition, onPick: r => page.pick(r.condition) },
  });
  table.querySelector('caption').append(fmtCount(res.total));
  card.show(table, el => barChart(el, rows, r => { if (r.condition) page.pick(r.condition); }));
}
