/**
 * #/scorecard?weights=size:1,reach:2 — every saved segment ranked by a weighted score the user
 * sets: a weight per metric from −5 to 5 (negative prefers low values, 0 leaves it out). The
 * weights live in the route so a link keeps them, and the last ones used are remembered for the
 * segment pages' scorecards.
 * @module pages/scorecard
 */
import { debounce, emptyState, errorState, fmtCount, h, loading, mount, pageHeader, uid } from '../ui.js';
import { segmentRoute } from '../drill.js';
import { href } from '../router.js';
import { DEFAULT_WEIGHTS, MAIN_METRICS, currentWeights, fmtGrowth, fmtScore, fmtShare, rememberWeights, weightsText } from '../scorecard/metrics.js';

export async function render(el, params, ctx) {
  let weights = currentWeights(params);
  const body = h('div', { 'data-testid': 'scorecard-body' }, loading('Scoring segments…'));
  const inputs = {};
  const fields = MAIN_METRICS.map(m => {
    const id = uid(`weight-${m.key}`);
    const input = h('input', { id, type: 'number', class: 'form-control form-control-sm', min: '-5', max: '5', step: '0.5',
      value: String(weights[m.key] ?? 0), 'data-testid': `weight-${m.key}`, 'aria-describedby': `${id}-help` });
    inputs[m.key] = input;
    return h('div', { class: 'col-6 col-md-4 col-xl-2' },
      h('label', { for: id, class: 'form-label small mb-1' }, m.label), input,
      h('div', { id: `${id}-help`, class: 'form-text' }, m.help));
  });
  const reset = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'weights-reset',
    onclick: () => {
      for (const m of MAIN_METRICS) inputs[m.key].value = String(DEFAULT_WEIGHTS[m.key]);
      apply();
    } }, 'Default weights');
  el.append(
    pageHeader('Segment scorecard'),
    h('p', { class: 'text-body-secondary' }, 'Each segment is scored 0 to 100 by its metrics, each rescaled from the lowest to the highest '
      + 'among the segments and weighted as set here. A negative weight prefers low values; 0 leaves the metric out.'),
    h('form', { class: 'row g-2 align-items-start mb-3', 'data-testid': 'weights-form', 'aria-label': 'Weights',
      onsubmit: e => { e.preventDefault(); apply(); } }, fields,
    h('div', { class: 'col-12' }, reset)),
    body);

  const apply = () => {
    const next = { ...weights };
    for (const m of MAIN_METRICS) {
      const v = Number(inputs[m.key].value);
      next[m.key] = Number.isFinite(v) ? Math.max(-5, Math.min(5, v)) : 0;
    }
    weights = next;
    rememberWeights(weights);
    history.replaceState(null, '', href('scorecard', { weights: weightsText(weights) }));
    load();
  };
  const onInput = debounce(apply, 300);
  for (const m of MAIN_METRICS) inputs[m.key].addEventListener('input', onInput);

  let seq = 0;
  async function load() {
    const mine = ++seq;
    body.dataset.state = 'loading';
    try {
      const res = await ctx.api.get(`/api/scorecard?weights=${encodeURIComponent(weightsText(weights))}`);
      if (mine !== seq) return;
      mount(body, res.segments.length ? ranking(res) : emptyState('No segments', 'Save a segment to score it.'));
      body.dataset.state = 'ready';
    } catch (e) {
      if (mine !== seq) return;
      mount(body, errorState(e, load));
      body.dataset.state = 'error';
    }
  }
  await load();
  return undefined;
}

function ranking(res) {
  const headers = ['Rank', 'Segment', 'Score', 'Members', '30-day growth', 'Reachable', 'Engagement', 'Adherence gap', 'Screening gap'];
  return h('div', { class: 'table-responsive' },
    h('table', { class: 'table table-sm table-hover align-middle', 'data-testid': 'scorecard-table' },
      h('caption', {}, 'Segments, best score first, scored on shares weighted by how many members they rest on (a few members '
        + 'weigh less than many); the last row is everyone, for comparison. A dash: no one counts towards the metric, or a count it needs is withheld.'),
      h('thead', {}, h('tr', {}, headers.map((t, i) => h('th', { scope: 'col', class: i > 1 ? 'text-end' : '' }, t)))),
      h('tbody', {}, res.segments.map((row, i) => h('tr', { 'data-testid': 'scorecard-row', 'data-id': row.id },
        h('td', {}, String(row.rank)),
        h('th', { scope: 'row' }, h('a', { href: segmentRoute(row.id), 'data-testid': `scorecard-link-${i}` }, row.name),
          row.missing.length ? h('div', { class: 'small text-body-secondary' }, `without ${row.missing.join(', ')}`) : null),
        h('td', { class: 'text-end' }, fmtScore(row.score)),
        h('td', { class: 'text-end' }, fmtCount(row.size)),
        h('td', { class: 'text-end' }, fmtGrowth(row.growth)),
        h('td', { class: 'text-end' }, fmtShare(row.reach.any.share)),
        h('td', { class: 'text-end' }, fmtScore(row.engagement.score)),
        h('td', { class: 'text-end' }, fmtShare(row.adherenceGap)),
        h('td', { class: 'text-end' }, fmtShare(row.screeningGap))))),
      h('tfoot', {}, h('tr', { 'data-testid': 'scorecard-everyone' },
        h('td', {}), h('th', { scope: 'row' }, 'Everyone'), h('td', {}),
        h('td', { class: 'text-end' }, fmtCount(res.population.size)),
        h('td', {}),
        h('td', { class: 'text-end' }, fmtShare(res.population.reach.any.share)),
        h('td', { class: 'text-end' }, fmtScore(res.population.engagement.score)),
        h('td', { class: 'text-end' }, fmtShare(res.population.adherenceGap)),
        h('td', { class: 'text-end' }, fmtShare(res.population.screeningGap))))));
}
