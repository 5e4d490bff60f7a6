// Empty, error and role states shared by the segment, member and profile pages.
import { h } from './ui.js';

/** What went wrong, in the server's words when it gave some. */
export function errorMessage(e) {
  if (e && e.body && typeof e.body === 'object' && e.body.error) return e.body.error;
  if (e && e.status) return `The server answered ${e.status}.`;
  return (e && e.message) || String(e);
}

export function errorState(e, testid = 'error') {
  return h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': testid }, errorMessage(e));
}

/** Personal data is for editors and admins; analysts get this instead of a member list or profile. */
export function notAvailable(what) {
  return h('div', { class: 'alert alert-secondary', role: 'status', 'data-testid': 'not-available' },
    h('h1', { class: 'h5' }, 'Not available for your role'),
    h('p', { class: 'mb-0' }, `${what} hold personal data: only editors and admins see them. `
      + 'Segment pages, breakdowns and other aggregates remain open to you.'));
}

export function emptyState(text, testid = 'empty') {
  return h('p', { class: 'text-body-secondary', 'data-testid': testid }, text);
}

export function canEdit(session) {
  return session.role === 'admin' || session.role === 'editor';
}
