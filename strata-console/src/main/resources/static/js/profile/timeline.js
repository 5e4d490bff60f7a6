// A profile's stored messages, newest first, with the part of each that matters to segments.
import { errorState, h, loading } from '../ui.js';


const STEPS = [25, 100, 1000];

export function timelineSection(api, userId) {
  const body = h('div', {}, loading('Loading events…'));
  const load = step => {
    api.get(`/api/profiles/${encodeURIComponent(userId)}/events?limit=${STEPS[step]}`)
      .then(res => body.replaceChildren(table(res.events, step, load)))
      .catch(e => body.replaceChildren(errorState(e, () => load(step))));
  };
  load(0);
  return h('section', { class: 'card mb-3', 'data-testid': 'profile-timeline', 'aria-labelledby': 'timeline-title' },
    h('div', { class: 'card-header' }, h('h2', { class: 'h6 mb-0', id: 'timeline-title' }, 'Event timeline')),
    h('div', { class: 'card-body' }, body));
}

function table(events, step, load) {
  if (events.length === 0) return h('p', { class: 'text-body-secondary' }, 'No stored messages.');
  const more = step + 1 < STEPS.length && events.length >= STEPS[step]
    ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'timeline-more',
      onclick: () => load(step + 1) }, `Show up to ${STEPS[step + 1]}`)
    : null;
  return h('div', {},
    h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm', 'data-testid': 'timeline-table' },
      h('caption', {}, `The ${events.length} newest messages`),
      h('thead', {}, h('tr', {}, ['Time', 'Type', 'What', 'Details'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, events.map(row)))),
    more);
}

function row(e) {
  const m = e.message || {};
  const what = m.event || (m.type === 'identify' ? 'traits' : m.name || '');
  const detail = m.properties || m.traits || {};
  return h('tr', { 'data-testid': 'timeline-row' },
    h('td', { class: 'text-nowrap' }, String(e.timestamp).replace('T', ' ').replace(/\.\d+Z$|Z$/, 'Z')),
    h('td', {}, e.type),
    h('td', {}, what),
    h('td', { class: 'small' }, summary(detail)));
}

function summary(obj) {
  return Object.entries(obj).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}`).join(', ');
}
