/**
 * The segments list: name, kind, size, change over 7 and 30 days with a sparkline, last change;
 * a search box and sortable columns. Search and sort live in the route's query (?q=&sort=&dir=)
 * so that a reload or a shared link keeps them.
 * @module pages/segments
 */
import { h, mount, uid, pageHeader, fmtCount, fmtChange, fmtWhen, loading, emptyState, errorState, announce, debounce } from '../ui.js';
import { sparkline } from '../sparkline.js';
import { href } from '../router.js';
import { canEdit } from '../session.js';
import { seg } from '../api.js';

/** Sortable columns: key, header, and the value a row sorts by (null sorts last). */
const COLUMNS = [
  { key: 'name', label: 'Name', value: (s) => s.name.toLocaleLowerCase() },
  { key: 'kind', label: 'Kind', value: (s) => s.kind },
  { key: 'size', label: 'Size', value: (s) => countValue(s.size), numeric: true },
  { key: 'change7d', label: '7 days', value: (s) => countValue(s.change7d), numeric: true },
  { key: 'change30d', label: '30 days', value: (s) => countValue(s.change30d), numeric: true },
  { key: 'trend', label: 'Last 30 days', sortable: false },
  { key: 'lastChange', label: 'Last change', value: (s) => (s.lastChange ? Date.parse(s.lastChange) : null), numeric: true },
];

/** "<11" sorts between 0 and 11 (which is all it says); "hidden" and absent values sort last. */
function countValue(x) {
  if (typeof x === 'number') return x;
  if (x === '<11') return 5.5;
  return null;
}

/**
 * @param {HTMLElement} el
 * @param {{q?: string, sort?: string, dir?: string}} params
 * @param {import('../app.js').Ctx} ctx
 */
export async function render(el, params, ctx) {
  const state = {
    q: params.q || '',
    sort: COLUMNS.some((c) => c.key === params.sort && c.sortable !== false) ? params.sort : 'name',
    dir: params.dir === 'desc' ? 'desc' : 'asc',
    rows: [],
  };
  const editor = canEdit(ctx.session);
  const body = h('div', { 'data-testid': 'segments-body' }, loading('Loading segments…'));
  const searchId = uid('search');
  const search = h('input', {
    id: searchId, type: 'search', class: 'form-control', value: state.q, placeholder: 'Name or definition',
    autocomplete: 'off', 'data-testid': 'segments-search',
  });
  const count = h('p', { class: 'text-body-secondary small mb-2', 'aria-live': 'polite', 'data-testid': 'segments-count' });
  const newLink = h('a', { class: 'btn btn-primary', href: href('builder'), 'data-testid': 'new-segment' },
    editor ? 'New segment' : 'Explore in the builder');

  el.append(
    pageHeader('Segments', newLink),
    h('div', { class: 'row g-2 align-items-end mb-2' },
      h('div', { class: 'col-12 col-md-6' },
        h('label', { for: searchId, class: 'form-label' }, 'Search segments'), search)),
    count,
    body);

  const keepInUrl = () => {
    history.replaceState(null, '', href('segments', {
      q: state.q || null, sort: state.sort === 'name' ? null : state.sort, dir: state.dir === 'asc' ? null : state.dir,
    }));
  };
  search.addEventListener('input', debounce(() => { state.q = search.value; keepInUrl(); draw(); }, 120));

  async function load() {
    mount(body, loading('Loading segments…'));
    try {
      const answer = await ctx.api.get('/api/segments');
      state.rows = answer.segments || [];
      draw();
    } catch (e) {
      mount(body, errorState(e, load));
    }
  }

  function sortBy(key) {
    if (state.sort === key) state.dir = state.dir === 'asc' ? 'desc' : 'asc';
    else { state.sort = key; state.dir = COLUMNS.find((c) => c.key === key).numeric ? 'desc' : 'asc'; }
    keepInUrl();
    draw();
    const label = COLUMNS.find((c) => c.key === key).label;
    announce(`Sorted by ${label}, ${state.dir === 'asc' ? 'ascending' : 'descending'}`);
    const again = body.querySelector(`[data-testid="sort-${key}"]`);
    if (again && document.activeElement === document.body) again.focus();
  }

  function visibleRows() {
    const q = state.q.trim().toLocaleLowerCase();
    const rows = q ? state.rows.filter((s) => s.name.toLocaleLowerCase().includes(q)
      || (s.definition || '').toLocaleLowerCase().includes(q)
      || (s.description || '').toLocaleLowerCase().includes(q)) : [...state.rows];
    const col = COLUMNS.find((c) => c.key === state.sort);
    const sign = state.dir === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      if (va === null && vb === null) return a.name.localeCompare(b.name);
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = va < vb ? -1 : va > vb ? 1 : 0;
      return c !== 0 ? c * sign : a.name.localeCompare(b.name);
    });
    return rows;
  }

  function draw() {
    if (state.rows.length === 0) {
      count.textContent = '';
      mount(body, emptyState('No segments yet',
        editor ? 'Build the first one: pick conditions in the builder and save it.'
          : 'An editor or admin saves segments; you can still explore populations in the builder.',
        h('a', { class: 'btn btn-primary', href: href('builder'), 'data-testid': 'empty-new-segment' },
          editor ? 'Open the builder' : 'Explore in the builder')));
      return;
    }
    const rows = visibleRows();
    count.textContent = rows.length === state.rows.length
      ? `${rows.length} segment${rows.length === 1 ? '' : 's'}`
      : `${rows.length} of ${state.rows.length} segments match “${state.q.trim()}”`;
    if (rows.length === 0) {
      mount(body, emptyState('No segment matches your search', `Nothing is named, defined or described with “${state.q.trim()}”.`,
        h('button', {
          type: 'button', class: 'btn btn-outline-secondary', 'data-testid': 'clear-search',
          onclick: () => { search.value = ''; state.q = ''; keepInUrl(); draw(); search.focus(); },
        }, 'Clear the search')));
      return;
    }
    mount(body, sortBar(), h('div', { class: 'table-scroll' }, table(rows)));
  }

  /** Narrow screens hide the header row, so sorting there is a select. */
  function sortBar() {
    const id = uid('sort');
    const select = h('select', { id, class: 'form-select form-select-sm w-auto', 'data-testid': 'sort-select' },
      COLUMNS.filter((c) => c.sortable !== false).map((c) => h('option', { value: c.key, selected: c.key === state.sort }, c.label)));
    select.addEventListener('change', () => { state.sort = select.value; keepInUrl(); draw(); });
    const dir = h('button', {
      type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'sort-direction',
      'aria-label': `Sort direction: ${state.dir === 'asc' ? 'ascending' : 'descending'}; press to reverse`,
      onclick: () => { state.dir = state.dir === 'asc' ? 'desc' : 'asc'; keepInUrl(); draw(); },
    }, state.dir === 'asc' ? '↑' : '↓');
    return h('div', { class: 'sort-bar mb-2' }, h('label', { for: id, class: 'small' }, 'Sort by'), select, dir);
  }

  function table(rows) {
    const head = h('tr', {}, COLUMNS.map((c) => {
      if (c.sortable === false) return h('th', { scope: 'col' }, c.label);
      const active = state.sort === c.key;
      return h('th', {
        scope: 'col', class: `sortable${c.numeric ? ' text-end' : ''}`,
        'aria-sort': active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none',
      }, h('button', { type: 'button', onclick: () => sortBy(c.key), 'data-testid': `sort-${c.key}` },
        c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '')));
    }), editor ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')) : null);
    const trs = rows.map((s) => h('tr', { 'data-testid': 'segment-row', 'data-segment-id': s.id, 'data-segment-name': s.name },
      h('td', { 'data-label': 'Name' },
        h('a', { href: href(`segment/${seg(s.id)}`), 'data-testid': 'segment-link' }, s.name),
        s.size === null ? h('span', { class: 'badge text-bg-warning ms-2', title: 'The saved definition could not be evaluated' }, 'invalid') : null,
        s.description ? h('div', { class: 'segment-description-line small text-body-secondary', 'data-testid': 'segment-description-line',
          title: s.description }, firstLine(s.description)) : null),
      h('td', { 'data-label': 'Kind' }, s.kind),
      h('td', { class: 'text-end', 'data-label': 'Size' }, fmtCount(s.size, { 'data-testid': 'segment-size' })),
      h('td', { class: 'text-end', 'data-label': '7 days' }, fmtChange(s.change7d, { 'data-testid': 'segment-change7d' })),
      h('td', { class: 'text-end', 'data-label': '30 days' }, fmtChange(s.change30d, { 'data-testid': 'segment-change30d' })),
      h('td', { 'data-label': 'Last 30 days' }, sparkline(s.sparkline, { label: `Size of ${s.name}` })),
      h('td', { 'data-label': 'Last change' }, fmtWhen(s.lastChange)),
      editor ? h('td', {}, h('a', {
        class: 'btn btn-sm btn-outline-secondary', href: href(`builder/${seg(s.id)}`), 'data-testid': 'segment-edit',
        'aria-label': `Edit ${s.name}`,
      }, 'Edit')) : null));
    return h('table', { class: 'table table-hover align-middle segments-table', 'data-testid': 'segments-table' },
      h('caption', { class: 'visually-hidden' }, 'Saved segments; column headers sort the table'),
      h('thead', {}, head), h('tbody', {}, trs));
  }

  await load();
}

/** The description's first line, cut to 120 characters: the list shows what it is about, the segment page the whole text. */
function firstLine(text) {
  const line = text.split('\n', 1)[0];
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
