// #/segment/{id}?drill=[...]: a saved segment, or a sub-population of it reached by drilling down.
// Every chart is computed for the same base definition: `(in segment "Name") and (c1) and …`.
import { h } from '../ui.js';
import { baseOf, parseDrill, segmentRoute } from '../drill.js';
import { param } from '../params.js';
import { errorState } from '../states.js';
import { schema } from '../schema.js';
import { activityCard } from '../segment/activity.js';
import { breadcrumb } from '../segment/breadcrumb.js';
import { breakdownsSection } from '../segment/breakdowns.js';
import { header } from '../segment/header.js';
import { historyCard } from '../segment/history.js';
import { overlapCard } from '../segment/overlap.js';

export async function render(el, params, ctx) {
  const id = param(params, 'id');
  let drill;
  try {
    drill = parseDrill(param(params, 'drill'));
  } catch (e) {
    el.replaceChildren(errorState(e));
    return;
  }
  const dims = (param(params, 'by') || '').split(',').filter(Boolean);
  el.replaceChildren(h('p', { class: 'text-body-secondary', role: 'status' }, 'Loading the segment…'));
  let segment;
  try {
    segment = await ctx.api.get(`/api/segments/${encodeURIComponent(id)}`);
  } catch (e) {
    el.replaceChildren(h('h1', { class: 'h4' }, 'Segment'), errorState(e));
    return;
  }
  const navigate = route => ctx.navigate(route);
  const page = {
    api: ctx.api, session: ctx.session, navigate, segment, drill, dims,
    base: baseOf(segment.name, drill),
    schema: schema(ctx.api),
    route: (d, ds = dims) => segmentRoute(segment.id, d, ds),
    go: d => navigate(segmentRoute(segment.id, d, dims)),
    goDims: ds => navigate(segmentRoute(segment.id, drill, ds)),
    /** Narrows to a condition; one already on the path is not added twice. */
    pick: condition => { if (!drill.includes(condition)) navigate(segmentRoute(segment.id, [...drill, condition], dims)); },
  };
  el.replaceChildren(h('div', { class: 'segment-page', 'data-testid': 'segment-page', 'data-base': page.base },
    breadcrumb(page),
    header(page),
    h('div', { class: 'segment-charts' }, historyCard(page), activityCard(page)),
    breakdownsSection(page),
    overlapCard(page)));
}
