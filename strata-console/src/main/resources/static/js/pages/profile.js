// #/profile/{userId}?segment={id} or ?base=<definition>: one person's traits, context, events and
// segments, and why they are in or out of the population they were reached from. Personal data:
// editors and admins only; every read is audited by the server.
import { errorState, h, loading, pageHeader } from '../ui.js';
import { membersRoute, parseDrill, segmentRoute } from '../drill.js';
import { explanationView } from '../profile/explanation.js';
import { timelineSection } from '../profile/timeline.js';

export async function render(el, params, ctx) {
  const userId = params.userId;
  const segmentId = params.segment || null;
  const base = params.base || null;
  let drill = [];
  try { drill = parseDrill(params.drill); } catch (e) { drill = []; }
  let profile;
  let segments;
  try {
    [profile, segments] = await Promise.all([
      ctx.api.get(`/api/profiles/${encodeURIComponent(userId)}`),
      ctx.api.get('/api/segments').then(r => r.segments),
    ]);
  } catch (e) {
    el.append(pageHeader('Profile'), errorState(e));
    return;
  }
  const names = new Map(segments.map(s => [s.id, s.name]));
  const where = { segmentId, base, drill, names };
  el.append(h('div', { class: 'profile-page' },
    backLink(where),
    pageHeader(`Profile ${profile.userId}`),
    explanationSection(ctx.api, userId, where),
    h('div', { class: 'profile-grid' },
      valuesCard('Traits', 'profile-traits', profile.traits),
      valuesCard('Context (latest message)', 'profile-context', profile.context),
      segmentsCard(profile.segments, names),
      eventCountsCard(profile.eventCounts)),
    timelineSection(ctx.api, userId)));
}

function backLink({ segmentId, base, drill }) {
  if (segmentId && base) {
    return h('a', { href: membersRoute(base, segmentId, drill), class: 'd-inline-block mb-2', 'data-testid': 'profile-back' },
      '← Back to the member list');
  }
  if (segmentId) return h('a', { href: segmentRoute(segmentId), class: 'd-inline-block mb-2', 'data-testid': 'profile-back' }, '← Back to the segment');
  if (base) return h('a', { href: membersRoute(base), class: 'd-inline-block mb-2', 'data-testid': 'profile-back' }, '← Back to the member list');
  return null;
}

function explanationSection(api, userId, { segmentId, base, names }) {
  const body = h('div', {});
  const section = h('section', { class: 'card mb-3', 'data-testid': 'profile-explain', 'aria-labelledby': 'explain-title' },
    h('div', { class: 'card-header' }, h('h2', { class: 'h6 mb-0', id: 'explain-title' }, 'Why in or out')),
    h('div', { class: 'card-body' }, body));
  // A drilled population is explained through its base, an undrilled one through the saved segment.
  let request;
  let label;
  if (base) {
    request = api.post('/api/analytics/explain', { definition: base, userId });
    label = h('span', {}, 'the population ', h('code', {}, base));
  } else if (segmentId) {
    request = api.get(`/api/segments/${encodeURIComponent(segmentId)}/explain/${encodeURIComponent(userId)}`);
    label = h('span', {}, 'the segment ', h('a', { href: segmentRoute(segmentId), 'data-testid': 'explain-segment-link' }, names.get(segmentId) || segmentId));
  } else {
    body.append(h('p', { class: 'text-body-secondary mb-0', 'data-testid': 'explain-none' },
      'Open this profile from a segment or a member list to see why it is in or out.'));
    return section;
  }
  body.append(loading('Loading the explanation…'));
  request.then(res => body.replaceChildren(explanationView(res, label)))
    .catch(e => body.replaceChildren(errorState(e)));
  return section;
}

/** Nested values as dotted paths, the way conditions name them. */
function flatten(obj, prefix = '', out = []) {
  for (const [k, v] of Object.entries(obj || {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, path, out);
    else out.push([path, v]);
  }
  return out;
}

function valuesCard(title, testid, obj) {
  const rows = flatten(obj);
  return h('section', { class: 'card', 'data-testid': testid, 'aria-label': title },
    h('div', { class: 'card-header' }, h('h2', { class: 'h6 mb-0' }, title)),
    h('div', { class: 'card-body' }, rows.length === 0 ? h('p', { class: 'text-body-secondary mb-0' }, 'None.')
      : h('table', { class: 'table table-sm mb-0' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Path'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, k)),
          h('td', {}, v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v))))))));
}

function segmentsCard(ids, names) {
  return h('section', { class: 'card', 'data-testid': 'profile-segments', 'aria-label': 'Segments' },
    h('div', { class: 'card-header' }, h('h2', { class: 'h6 mb-0' }, `In ${ids.length} segment${ids.length === 1 ? '' : 's'}`)),
    h('div', { class: 'card-body' }, ids.length === 0 ? h('p', { class: 'text-body-secondary mb-0' }, 'In no saved segment.')
      : h('ul', { class: 'mb-0' }, ids.map(id => h('li', {}, h('a', { href: segmentRoute(id), 'data-testid': 'profile-segment-link' },
        names.get(id) || id))))));
}

function eventCountsCard(counts) {
  const rows = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]);
  return h('section', { class: 'card', 'data-testid': 'profile-event-counts', 'aria-label': 'Events kept' },
    h('div', { class: 'card-header' }, h('h2', { class: 'h6 mb-0' }, 'Events kept')),
    h('div', { class: 'card-body' }, rows.length === 0 ? h('p', { class: 'text-body-secondary mb-0' }, 'No events.')
      : h('table', { class: 'table table-sm mb-0' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Count'))),
        h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, String(v))))))));
}
