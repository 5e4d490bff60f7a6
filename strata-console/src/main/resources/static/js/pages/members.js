// #/members?base=<definition>[&segment=id&drill=[...]]: who is in a population, a page at a time,
// each linking to the profile. Personal data: editors and admins only (the router shows analysts
// why not; the server refuses them and audits every page it serves).
import { emptyState, errorState, fmtCount, h, loading, pageHeader } from '../ui.js';
import { parseDrill, profileRoute, segmentRoute } from '../drill.js';
import { csvName, exportButton } from '../download.js';

const PAGE_SIZE = 50;

export async function render(el, params, ctx) {
  const base = params.base;
  const segmentId = params.segment || null;
  let drill = [];
  try {
    drill = parseDrill(params.drill);
  } catch (e) {
    drill = [];
  }
  if (!base) {
    el.append(pageHeader('Members'), emptyState('No population', 'Open a member list from a segment page.'));
    return;
  }
  const size = h('span', { 'data-testid': 'members-size' }, loading('Counting…'));
  ctx.api.post('/api/segments/preview', { definition: base })
    .then(res => size.replaceChildren(fmtCount(res.size)))
    .catch(e => size.replaceChildren(e.message));
  const list = h('div', { 'data-testid': 'members-list' });
  const back = segmentId
    ? h('a', { href: segmentRoute(segmentId, drill), 'data-testid': 'members-back', class: 'd-inline-block mb-2' },
      '← Back to the segment page')
    : null;
  el.append(h('div', { class: 'members-page' },
    back,
    pageHeader('Members', exportButton(ctx.session, { method: 'POST', path: '/api/analytics/members.csv',
      body: { definition: base }, filename: csvName('population') })),
    h('p', { class: 'mb-1' }, size, ' profiles in the population'),
    h('pre', { class: 'definition mb-3', 'data-testid': 'members-base' }, base),
    list));
  const cursors = [null];
  const load = async index => {
    list.replaceChildren(loading('Loading members…'));
    try {
      const res = await ctx.api.post('/api/analytics/members', { definition: base, limit: PAGE_SIZE, after: cursors[index] });
      cursors[index + 1] = res.next;
      list.replaceChildren(pageOf(res.members, index, res.next, { base, segmentId, drill }, load));
    } catch (e) {
      list.replaceChildren(errorState(e, () => load(index)));
    }
  };
  await load(0);
}

function pageOf(members, index, next, where, load) {
  if (members.length === 0 && index === 0) return emptyState('No members', 'No one is in this population now.');
  const link = id => h('a', { href: profileRoute(id, profileContext(where)), 'data-testid': 'member-link' }, id);
  const table = h('table', { class: 'table table-sm', 'data-testid': 'members-table' },
    h('caption', {}, `Members ${index * PAGE_SIZE + 1} to ${index * PAGE_SIZE + members.length}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User id'))),
    h('tbody', {}, members.map(id => h('tr', {}, h('td', {}, link(id))))));
  const prev = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'members-prev',
    disabled: index === 0, onclick: () => load(index - 1) }, 'Previous page');
  const nextButton = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'members-next',
    disabled: !next, onclick: () => load(index + 1) }, 'Next page');
  return h('div', {}, table, h('nav', { class: 'd-flex gap-2', 'aria-label': 'Member pages' }, prev, nextButton));
}

/** An undrilled segment's members are explained by the saved segment, others by the base. */
function profileContext({ base, segmentId, drill }) {
  if (segmentId && drill.length === 0) return { segmentId };
  return { base, segmentId, drill };
}
