/**
 * The console's entry point: session, navigation bar and the hash router that loads one page
 * module per route. A page module exports `render(el, params, ctx)`; it may return (or resolve
 * to) a function, which is called when the user leaves the page (to stop timers, charts, …).
 * @module app
 */
import { createApi } from './api.js';
import { match, href } from './router.js';
import { loadSession, saveSession, clearSession, canEdit } from './session.js';
import { h, mount, errorState, loading, emptyState, announce } from './ui.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');

let session = loadSession();
let cache = new Map();
let leave = null;
let renderSeq = 0;

const api = createApi({
  token: () => (session ? session.token : null),
  onUnauthorized: () => {
    if (!session) return;
    signOut(true);
  },
});

/**
 * What every page receives.
 * @typedef {Object} Ctx
 * @property {ReturnType<typeof createApi>} api
 * @property {import('./session.js').Session|null} session
 * @property {(hash: string, opts?: {replace?: boolean}) => void} navigate
 * @property {(session: import('./session.js').Session) => void} signIn
 * @property {() => void} signOut
 * @property {(key: string, load: () => Promise<*>) => Promise<*>} cached memoises a load for the session (e.g. the schema)
 * @property {(key: string) => void} uncache
 */
function ctx() {
  return {
    api,
    session,
    navigate,
    signIn,
    signOut: () => signOut(),
    cached: (key, load) => {
      if (!cache.has(key)) cache.set(key, load().catch((e) => { cache.delete(key); throw e; }));
      return cache.get(key);
    },
    uncache: (key) => cache.delete(key),
  };
}

function navigate(hash, { replace = false } = {}) {
  if (location.hash === hash) {
    route();
  } else if (replace) {
    location.replace(hash);
  } else {
    location.hash = hash;
  }
}

function signIn(s) {
  session = s;
  cache = new Map();
  saveSession(s);
}

/** Forgets the token; `expired` tells the sign-in page to say why the user is back there. */
function signOut(expired = false) {
  session = null;
  cache = new Map();
  clearSession();
  navigate(href('signin', expired ? { expired: '1' } : {}));
}

function renderNav(current) {
  const link = (name, label, target, testid) => h('a', {
    class: `nav-link${current === name ? ' active' : ''}`,
    href: target,
    'aria-current': current === name ? 'page' : null,
    'data-testid': testid,
  }, label);
  const left = session ? [
    link('segments', 'Segments', href('segments'), 'nav-segments'),
    link('builder', canEdit(session) ? 'New segment' : 'Explore', href('builder'), 'nav-builder'),
    link('scorecard', 'Scorecard', href('scorecard'), 'nav-scorecard'),
  ] : [];
  const right = session ? [
    h('span', { class: 'nav-who', 'data-testid': 'nav-who' },
      h('span', { class: 'visually-hidden' }, 'Signed in as '), session.name || 'token', ' · ',
      h('span', { class: `badge role-badge role-${session.role}`, 'data-testid': 'nav-role' }, session.role)),
    h('a', { class: 'nav-link', href: '/docs', 'data-testid': 'nav-docs' }, 'API docs'),
    h('button', { type: 'button', class: 'btn btn-sm btn-outline-light', onclick: () => signOut(), 'data-testid': 'sign-out' }, 'Sign out'),
  ] : [];
  mount(nav, h('nav', { class: 'navbar navbar-dark bg-dark navbar-expand', 'aria-label': 'Main' },
    h('div', { class: 'container-xl nav-inner' },
      h('a', { class: 'navbar-brand', href: session ? href('segments') : href('signin'), 'data-testid': 'nav-home' }, 'Strata'),
      h('div', { class: 'navbar-nav nav-left' }, left),
      h('div', { class: 'nav-right' }, right))));
}

async function route() {
  const seq = ++renderSeq;
  const { route: r, params } = match(location.hash);
  if (!r) {
    navigate(session ? href('segments') : href('signin'), { replace: true });
    return;
  }
  if (!r.open && !session) {
    navigate(href('signin', { next: `#/${location.hash.replace(/^#\/?/, '')}` }), { replace: true });
    return;
  }
  if (r.name === 'signin' && session && !params.expired) {
    navigate(href('segments'), { replace: true });
    return;
  }
  if (leave) {
    try { leave(); } catch (e) { console.error(e); }
    leave = null;
  }
  renderNav(r.name);
  document.title = `${r.title} · Strata`;
  const page = h('div', { class: 'page', 'data-page': r.name, 'data-testid': `page-${r.name}` }, loading());
  mount(main, page);
  if (r.personal && !session.canSeePersonal) {
    mount(page, emptyState('Aggregates only',
      `Your role (${session.role}) sees counts and charts, not lists of people or their profiles.`,
      h('a', { href: href('segments'), class: 'btn btn-outline-primary', 'data-testid': 'back-to-segments' }, 'Back to segments')));
    focusTitle(page);
    page.dataset.ready = 'true';
    return;
  }
  try {
    const mod = await import(r.module);
    if (seq !== renderSeq) return;
    page.replaceChildren();
    const done = await mod.render(page, params, ctx());
    if (seq !== renderSeq) {
      if (typeof done === 'function') done();
      return;
    }
    if (typeof done === 'function') leave = done;
  } catch (e) {
    if (seq !== renderSeq) return;
    console.error(e);
    mount(page, errorState(e, () => route()));
  }
  focusTitle(page);
  page.dataset.ready = 'true'; // rendered: tests and tools wait for this
  announce(document.title.replace(' · Strata', ''));
}

function focusTitle(page) {
  const title = page.querySelector('[data-testid="page-title"], h1');
  if (title) {
    if (!title.hasAttribute('tabindex')) title.setAttribute('tabindex', '-1');
    title.focus({ preventScroll: false });
  }
}

document.querySelector('[data-testid="skip-link"]').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);
route();
