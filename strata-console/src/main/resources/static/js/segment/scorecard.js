// The saved segment's scorecard: its place in the ranking of all segments (with the weights last
// used on the ranking page), reach per channel, engagement, adherence and screening gaps, and the
// segments it shares the most members with. Counts follow the small-cell rule like every card.
import { fmtCount, h, loading } from '../ui.js';
import { segmentRoute } from '../drill.js';
import { href } from '../router.js';
import { currentWeights, fmtGrowth, fmtScore, fmtShare, weightsText } from '../scorecard/metrics.js';

export function scorecardCard(page) {
  const body = h('div', { class: 'card-body' }, loading('Scoring…'));
  const card = h('section', { class: 'card chart-card mb-4', 'data-testid': 'scorecard', 'data-state': 'loading',
    'aria-labelledby': 'scorecard-title' },
  h('div', { class: 'card-header d-flex justify-content-between align-items-center' },
    h('h2', { class: 'h6 mb-0', id: 'scorecard-title' }, 'Scorecard'),
    h('a', { class: 'btn btn-sm btn-outline-secondary', href: href('scorecard'), 'data-testid': 'scorecard-compare' }, 'Compare all segments')),
  body);
  if (page.drill.length) {
    body.replaceChildren(h('p', { class: 'small text-body-secondary mb-0' },
      `Scorecards are kept for saved segments: this is "${page.segment.name}" narrowed down. Save it as a segment to score it.`));
    card.dataset.state = 'none';
    return card;
  }
  const weights = currentWeights({});
  page.api.get(`/api/segments/${encodeURIComponent(page.segment.id)}/scorecard?weights=${encodeURIComponent(weightsText(weights))}`)
    .then(res => {
      body.replaceChildren(...content(res));
      card.dataset.state = 'ready';
    })
    .catch(e => {
      body.replaceChildren(h('div', { class: 'alert alert-warning py-1 px-2 small', role: 'alert' }, e.message));
      card.dataset.state = 'error';
    });
  return card;
}

function content(res) {
  const row = res.segment;
  if (!row) return [h('p', { class: 'text-body-secondary mb-0' }, 'This segment could not be scored (its definition did not load).')];
  return [
    h('p', { class: 'mb-2', 'data-testid': 'scorecard-rank' },
      h('strong', {}, `Ranked ${row.rank} of ${res.of}`), ' · score ', fmtScore(row.score, { 'data-testid': 'scorecard-score' }),
      row.missing.length ? h('span', { class: 'small text-body-secondary' }, ` (without ${row.missing.join(', ')})`) : null),
    h('dl', { class: 'segment-facts scorecard-facts' },
      h('dt', {}, 'Members'), h('dd', { 'data-testid': 'scorecard-size' }, fmtCount(row.size)),
      h('dt', {}, '30-day growth'), h('dd', { 'data-testid': 'scorecard-growth' }, fmtGrowth(row.growth)),
      h('dt', {}, 'Engagement'), h('dd', { 'data-testid': 'scorecard-engagement' }, fmtScore(row.engagement.score), ' of 100 (everyone: ',
        fmtScore(res.population.engagement.score), ')'),
      h('dt', {}, 'Adherence gap'), h('dd', { 'data-testid': 'scorecard-adherence-gap' }, fmtShare(row.adherenceGap), ' (everyone: ',
        fmtShare(res.population.adherenceGap), ')'),
      h('dt', {}, 'Screening gap'), h('dd', { 'data-testid': 'scorecard-screening-gap' }, fmtShare(row.screeningGap), ' (everyone: ',
        fmtShare(res.population.screeningGap), ')')),
    h('div', { class: 'scorecard-tables' },
      table('Reachable by channel', 'scorecard-reach', ['Channel', 'Members', 'Share', 'Everyone'],
        Object.entries(row.reach).map(([name, c]) => [name === 'any' ? 'any channel' : name, fmtCount(c.count), fmtShare(c.share),
          fmtShare(res.population.reach[name].share)])),
      table('Engagement signals', 'scorecard-signals', ['Signal', 'Weight', 'Members', 'Share'],
        Object.entries(row.engagement.signals).map(([name, c]) => [words(name), String(c.weight), fmtCount(c.count), fmtShare(c.share)])),
      table('Adherence and screening', 'scorecard-rates', ['Measure', 'Eligible', 'Adherent or due', 'Rate', 'Everyone'],
        row.rates.map((r, i) => [`${words(r.name)} (${r.kind})`, fmtCount(r.eligible), fmtCount(r.kind === 'adherence' ? r.adherent : r.due),
          fmtShare(r.rate), fmtShare(res.population.rates[i].rate)])),
      row.overlaps.length
        ? table('Shares members with', 'scorecard-overlaps', ['Segment', 'Members', 'Share of this one'],
          row.overlaps.map((o, i) => [h('a', { href: segmentRoute(o.id), 'data-testid': `scorecard-overlap-${i}` }, o.name), fmtCount(o.count), fmtShare(o.share)]))
        : h('p', { class: 'small text-body-secondary' }, 'No member in common with another segment.')),
  ];
}

function words(name) {
  return name.replace(/_/g, ' ');
}

function table(caption, testid, headers, rows) {
  return h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm scorecard-table', 'data-testid': testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((t, i) => h('th', { scope: 'col', class: i ? 'text-end' : '' }, t)))),
    h('tbody', {}, rows.map(cells => h('tr', {}, cells.map((c, i) => h(i ? 'td' : 'th', { scope: i ? null : 'row', class: i ? 'text-end' : '' }, c)))))));
}
