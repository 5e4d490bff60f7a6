// The segment page's header: name, description, kind, definition, size; at a drill level, the narrowed
// population's definition and size; and the actions the role allows.
import { fmtCount, h, loading, pageHeader } from '../ui.js';
import { membersRoute } from '../drill.js';
import { csvName, exportButton } from '../download.js';
import { canEdit } from '../session.js';
import { saveForm } from './save-form.js';
import { descriptionBlock } from './description.js';

export function header(page) {
  const { segment, drill, session } = page;
  const populationSize = h('span', { 'data-testid': 'population-size' }, drill.length ? loading('Counting…') : fmtCount(segment.size));
  if (drill.length) {
    page.api.post('/api/segments/preview', { definition: page.base })
      .then(res => populationSize.replaceChildren(fmtCount(res.size)))
      .catch(e => populationSize.replaceChildren(h('span', { class: 'text-danger' }, e.message)));
  }
  const slot = h('div', { 'data-testid': 'save-slot' });
  const actions = h('div', { class: 'd-flex flex-wrap gap-2 align-items-start', 'data-testid': 'segment-actions' });
  if (canEdit(session) && !drill.length) {
    actions.append(h('a', { class: 'btn btn-sm btn-outline-secondary', href: `#/builder/${encodeURIComponent(segment.id)}`,
      'data-testid': 'edit-segment' }, 'Edit definition'));
  }
  if (session.canSeePersonal) {
    actions.append(h('a', { class: 'btn btn-sm btn-outline-primary', href: membersRoute(page.base, segment.id, drill),
      'data-testid': 'open-members' }, 'Member list'));
    const filename = csvName(segment.name + (drill.length ? '-drill' : ''));
    actions.append(exportButton(session, drill.length
      ? { method: 'POST', path: '/api/analytics/members.csv', body: { definition: page.base }, filename }
      : { path: `/api/segments/${encodeURIComponent(segment.id)}/members.csv`, filename }));
  }
  if (canEdit(session) && drill.length) {
    const open = h('button', { type: 'button', class: 'btn btn-sm btn-primary', 'data-testid': 'save-as-segment',
      'aria-expanded': 'false', onclick: () => {
        if (slot.firstChild) return;
        open.setAttribute('aria-expanded', 'true');
        slot.append(saveForm(page, () => { slot.replaceChildren(); open.setAttribute('aria-expanded', 'false'); open.focus(); }));
      } }, 'Save as new segment');
    actions.append(open);
  }
  const facts = h('dl', { class: 'segment-facts' },
    h('dt', {}, 'Kind'), h('dd', { 'data-testid': 'segment-kind' }, h('span', { class: 'badge text-bg-secondary' }, segment.kind)),
    h('dt', {}, 'Members'), h('dd', { 'data-testid': 'segment-size' }, fmtCount(segment.size)),
    h('dt', {}, 'Definition'), h('dd', {}, h('pre', { class: 'definition', 'data-testid': 'segment-definition' },
      segment.definition || '(a list of user ids)')));
  if (drill.length) {
    facts.append(
      h('dt', {}, 'This population'), h('dd', {}, populationSize, ' profiles'),
      h('dt', {}, 'Its definition'), h('dd', {}, h('pre', { class: 'definition', 'data-testid': 'population-definition' }, page.base)));
  }
  return h('header', { class: 'segment-header mb-3' }, pageHeader(segment.name, actions), descriptionBlock(page), facts, slot);
}
