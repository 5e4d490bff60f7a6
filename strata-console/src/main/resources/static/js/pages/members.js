<<<<<<< HEAD
// #/members?base=<definition>[&segment=id&drill=[...]]: who is in a population, a page at a time,
// each linking to the profile. Personal data: editors and admins only (the server audits each page).
import { h } from '../ui.js';
import { countText } from '../charts.js';
import { parseDrill, profileRoute, segmentRoute } from '../drill.js';
import { csvName, exportButton } from '../download.js';
import { param } from '../params.js';
import { emptyState, errorMessage, errorState, notAvailable } from '../states.js';

const PAGE_SIZE = 50;

export async function render(el, params, ctx) {
  if (!ctx.session.canSeePersonal) {
    el.replaceChildren(notAvailable('Member lists'));
    return;
  }
  const base = param(params, 'base');
  const segmentId = param(params, 'segment');
  let drill = [];
  try {
    drill = parseDrill(param(params, 'drill'));
  } catch (e) {
    drill = [];
  }
  if (!base) {
    el.replaceChildren(h('h1', { class: 'h4' }, 'Members'),
      errorState(new Error('No population given: open a member list from a segment page.')));
    return;
  }
  const size = h('span', { 'data-testid': 'members-size' }, '…');
  ctx.api.post('/api/segments/preview', { definition: base })
    .then(res => size.replaceChildren(countText(res.size)))
    .catch(e => size.replaceChildren(errorMessage(e)));
  const list = h('div', { 'data-testid': 'members-list' });
  const back = segmentId
    ? h('a', { href: segmentRoute(segmentId, drill), 'data-testid': 'members-back', class: 'd-inline-block mb-2' },
      '← Back to the segment page')
    : null;
  el.replaceChildren(h('div', { class: 'members-page', 'data-testid': 'members-page' },
    back,
    h('div', { class: 'd-flex flex-wrap gap-2 align-items-start' },
      h('h1', { class: 'h3 me-auto' }, 'Members'),
      exportButton(ctx.session, { method: 'POST', path: '/api/analytics/members.csv', body: { definition: base }, filename: csvName('population') })),
    h('p', {}, size, ' profiles in'),
    h('pre', { class: 'definition', 'data-testid': 'members-base' }, base),
    list));
  const cursors = [null];
  const load = async index => {
    list.replaceChildren(h('p', { class: 'text-body-secondary', role: 'status' }, 'Loading members…'));
    try {
      const res = await ctx.api.post('/api/analytics/members', { definition: base, limit: PAGE_SIZE, after: cursors[index] });
      cursors[index + 1] = res.next;
      list.replaceChildren(pageOf(res.members, index, res.next, { base, segmentId, drill }, load));
    } catch (e) {
      list.replaceChildren(errorState(e));
    }
  };
  await load(0);
}

function pageOf(members, index, next, where, load) {
  if (members.length === 0 && index === 0) return emptyState('No one is in this population.', 'members-empty');
  const link = id => h('a', { href: profileRoute(id, drillContext(where)), 'data-testid': 'member-link' }, id);
  const table = h('table', { class: 'table table-sm', 'data-testid': 'members-table' },
    h('caption', {}, `Members ${index * PAGE_SIZE + 1} to ${index * PAGE_SIZE + members.length}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User id'))),
    h('tbody', {}, members.map(id => h('tr', {}, h('td', {}, link(id))))));
  const prev = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'members-prev',
    onclick: () => load(index - 1) }, 'Previous page');
  prev.disabled = index === 0;
  const nextButton = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'members-next',
    onclick: () => load(index + 1) }, 'Next page');
  nextButton.disabled = !next;
  return h('div', {}, table, h('nav', { class: 'd-flex gap-2', 'aria-label': 'Member pages' }, prev, nextButton));
}

/** An undrilled segment's members are explained by the saved segment, others by the base. */
function drillContext({ base, segmentId, drill }) {
  if (segmentId && drill.length === 0) return { segmentId };
  return { base, segmentId, drill };
=======
/**
 * Placeholder for the members page, which is built separately; it shows what it was asked for.
 * @module pages/members
 */
import { h, pageHeader } from '../ui.js';
import { href } from '../router.js';

/**
 * @param {HTMLElement} el
 * @param {Object<string,string>} params
 * @param {import('../app.js').Ctx} ctx
 */
export function render(el, params, ctx) {
  void ctx;
  el.append(pageHeader('Members'),
    h('p', { 'data-testid': 'members-placeholder' }, 'This page is not built yet. Parameters: ', JSON.stringify(params)),
    h('a', { href: href('segments'), 'data-testid': 'back-to-segments' }, 'Back to segments'));
>>>>>>> issue4-shell
}
