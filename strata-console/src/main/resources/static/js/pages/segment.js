// #/segment/{id}?drill=[...]: a saved segment, or a sub-population of it reached by drilling down.
// Every chart is computed for the same base definition: `(in segment "Name") and (c1) and …`.
import { errorState, h, pageHeader } from '../ui.js';
import { disposeWithin } from '../charts.js';
import { baseOf, parseDrill, segmentRoute } from '../drill.js';
import { activityCard } from '../segment/activity.js';
import { breadcrumb } from '../segment/breadcrumb.js';
import { breakdownsSection } from '../segment/breakdowns.js';
import { header } from '../segment/header.js';
import { historyCard } from '../segment/history.js';
import { overlapCard } from '../segment/overlap.js';
import { scorecardCard } from '../segment/scorecard.js';

export async function render(el, params, ctx) {
  let drill;
  try {
    drill = parseDrill(params.drill);
  } catch (e) {
    el.append(pageHeader('Segment'), errorState(e));
    return undefined;
  }
  const dims = (params.by || '').split(',').filter(Boolean);
  let segment;
  try {
    segment = await ctx.api.get(`/api/segments/${encodeURIComponent(params.id)}`);
  } catch (e) {
    el.append(pageHeader('Segment'), errorState(e));
    return undefined;
  }
  const page = {
    api: ctx.api, session: ctx.session, navigate: ctx.navigate, segment, drill, dims,
    base: baseOf(segment.name, drill),
    // The schema scans the population: one load per session, shared by the pickers.
    schema: ctx.cached('schema', () => ctx.api.get('/api/schema')),
    route: (d, ds = dims) => segmentRoute(segment.id, d, ds),
    go: d => ctx.navigate(segmentRoute(segment.id, d, dims)),
    goDims: ds => ctx.navigate(segmentRoute(segment.id, drill, ds)),
    /** Narrows to a condition; one already on the path is not added twice. */
    pick: condition => { if (!drill.includes(condition)) ctx.navigate(segmentRoute(segment.id, [...drill, condition], dims)); },
  };
  el.append(h('div', { class: 'segment-page', 'data-testid': 'segment-page', 'data-base': page.base },
    breadcrumb(page),
    header(page),
    scorecardCard(page),
    h('div', { class: 'segment-charts' }, historyCard(page), activityCard(page)),
    breakdownsSection(page),
    overlapCard(page)));
  return () => disposeWithin(el);
}
