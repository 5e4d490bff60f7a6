// Size of the saved segment over time with daily entries and exits. Days before the segment
// existed are reconstructed by the server (events as of that day, traits as now): drawn dashed,
// shaded and marked in the table.
import { fmtCount, h } from '../ui.js';
import { chartCard, dataTable, timeChart } from '../charts.js';

const RANGES = [30, 90, 180];

export function historyCard(page) {
  const select = h('select', { class: 'form-select form-select-sm w-auto', id: 'history-days', 'data-testid': 'history-days',
    'aria-label': 'Days of history', onchange: () => load(Number(select.value)) },
    RANGES.map(d => h('option', { value: String(d) }, `${d} days`)));
  const note = page.drill.length
    ? `Of the saved segment "${page.segment.name}": the change log is kept per segment, not per drill-down.`
    : null;
  const card = chartCard({ title: 'Size over time', testid: 'history', controls: [select], note });
  const load = days => {
    card.loading();
    page.api.get(`/api/segments/${encodeURIComponent(page.segment.id)}/history?days=${days}`)
      .then(res => show(card, res))
      .catch(e => card.fail(e.message));
  };
  load(RANGES[0]);
  return card.card;
}

function show(card, res) {
  const points = res.points || [];
  if (points.length === 0) {
    card.empty('No history yet.');
    return;
  }
  const days = points.map(p => p.day);
  const firstRecorded = points.findIndex(p => !p.reconstructed);
  // The dashed line ends where the recorded one starts, so the two join without a gap.
  const reconstructed = points.map((p, i) => (p.reconstructed || i === firstRecorded ? p.size : undefined));
  const recorded = points.map(p => (p.reconstructed ? undefined : p.size));
  const lastReconstructed = firstRecorded === -1 ? points.length - 1 : firstRecorded - 1;
  const marks = lastReconstructed >= 0 ? [{ from: days[0], to: days[lastReconstructed], label: 'reconstructed' }] : [];
  const series = [
    { name: 'Size', type: 'line', values: recorded },
    { name: 'Size (reconstructed)', type: 'line', values: reconstructed, dashed: true, color: '#8a9bb0' },
    { name: 'Entered', type: 'bar', values: points.map(p => p.entered), stack: 'moves', color: '#3b9c6b', axis: 1 },
    { name: 'Exited', type: 'bar', values: points.map(p => p.exited), stack: 'moves', negate: true, color: '#c23b3b', axis: 1 },
  ];
  const table = dataTable({
    caption: 'Daily size, entries and exits' + (res.createdAt ? `; the segment was created ${res.createdAt.slice(0, 10)}` : ''),
    testid: 'history-table',
    columns: [
      { label: 'Day', value: p => p.day },
      { label: 'Size', value: p => fmtCount(p.size) },
      { label: 'Entered', value: p => fmtCount(p.entered) },
      { label: 'Exited', value: p => fmtCount(p.exited) },
      { label: 'Source', value: p => (p.reconstructed ? 'reconstructed' : 'change log') },
    ],
    rows: points,
  });
  card.show(table, el => timeChart(el, days, series, { marks,
    axes: [{ name: 'size', scale: true, integer: true }, { name: 'entered / exited', right: true, integer: true }] }));
}
