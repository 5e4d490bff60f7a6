/**
 * Sign-in: the user pastes an API token; `GET /api/session` says whether it is valid and which
 * role it has, which decides what the console shows.
 * @module pages/signin
 */
import { h, uid } from '../ui.js';
import { href } from '../router.js';

/**
 * @param {HTMLElement} el
 * @param {{next?: string, expired?: string}} params
 * @param {import('../app.js').Ctx} ctx
 */
export function render(el, params, ctx) {
  const inputId = uid('token');
  const helpId = uid('token-help');
  const input = h('input', {
    id: inputId, type: 'password', class: 'form-control', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': helpId, 'data-testid': 'signin-token',
  });
  const error = h('div', { class: 'invalid-feedback d-block', role: 'alert', 'data-testid': 'signin-error' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'signin-submit' }, 'Sign in');

  async function submit(e) {
    e.preventDefault();
    const token = input.value.trim();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!token) return fail('Paste a token to sign in.');
    button.disabled = true;
    try {
      const s = await ctx.api.request('GET', '/api/session', null, { headers: { Authorization: `Bearer ${token}` } });
      if (s.role === 'ingest') return fail('This is an ingest token: it can only send messages. The console needs an admin, editor or analyst token.');
      ctx.signIn({ token, name: s.name, role: s.role, canSeePersonal: !!s.canSeePersonal });
      const next = params.next && params.next.startsWith('#/') && !params.next.startsWith('#/signin') ? params.next : href('segments');
      ctx.navigate(next, { replace: true });
    } catch (err) {
      if (err.status === 401) fail('This token is unknown or has been revoked.');
      else fail(err.message || 'Sign-in failed.');
    } finally {
      button.disabled = false;
    }
  }

  function fail(message) {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  el.append(h('div', { class: 'signin card shadow-sm' },
    h('div', { class: 'card-body' },
      h('h1', { class: 'h3 mb-3', tabindex: '-1', 'data-testid': 'page-title' }, 'Sign in to Strata'),
      params.expired ? h('div', { class: 'alert alert-warning', role: 'status', 'data-testid': 'signin-expired' },
        'Your token is no longer accepted: sign in again.') : null,
      h('form', { onsubmit: submit, novalidate: true, 'data-testid': 'signin-form' },
        h('div', { class: 'mb-3' },
          h('label', { for: inputId, class: 'form-label' }, 'API token'),
          input,
          h('div', { id: helpId, class: 'form-text' },
            'An admin creates tokens (POST /api/tokens, or the admin token printed when the server first starts). ',
            'Analysts see aggregates only; editors and admins also see members and profiles.'),
          error),
        button))));
  input.focus();
}
