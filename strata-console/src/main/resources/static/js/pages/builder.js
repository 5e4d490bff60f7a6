/**
 * The visual segment builder: the condition tree on one side, the definition as text on the
 * other, each updating the other through the server (POST /api/language/print and /parse), with
 * the live size (POST /api/segments/estimate) and saving (POST/PUT /api/segments).
 *
 * Routes: `#/builder` (new; `?definition=` and `?name=` pre-fill it) and `#/builder/{id}` (edit).
 * @module pages/builder
 */
import { h, mount, pageHeader, errorState, announce, debounce } from '../ui.js';
import { href } from '../router.js';
import { canEdit } from '../session.js';
import { seg } from '../api.js';
import { normalize, forPrinting } from '../builder/model.js';
import { renderNode } from '../builder/tree.js';
import { schemaHelper } from '../builder/schema.js';
import { textPanel } from '../builder/textpanel.js';
import { estimatePanel } from '../builder/estimate.js';
import { savePanel } from '../builder/save.js';

/** Debounce of tree edits before printing (and so estimating), and of typing in the text. */
export const TREE_DEBOUNCE_MS = 150;
export const TEXT_DEBOUNCE_MS = 250;

/**
 * @param {HTMLElement} el
 * @param {{id?: string, definition?: string, name?: string}} params
 * @param {import('../app.js').Ctx} ctx
 * @returns {Promise<() => void>} cleanup: cancels pending timers and requests
 */
export async function render(el, params, ctx) {
  const editor = canEdit(ctx.session);
  const [schema, editing] = await Promise.all([
    ctx.cached('schema', () => ctx.api.get('/api/schema')).catch(() => null),
    params.id ? ctx.api.get(`/api/segments/${seg(params.id)}`) : Promise.resolve(null),
  ]);
  if (editing && !editing.definition) {
    el.append(pageHeader(editing.name), errorState(new Error(
      'This static segment’s members were uploaded as a list: it has no definition to edit.')));
    return () => {};
  }
  let startText = editing ? editing.definition : (params.definition || '');
  const title = editing ? `Edit “${editing.name}”` : editor ? 'New segment' : 'Explore a population';
  const lists = h('div', { hidden: true });
  const helper = schemaHelper(schema, lists);
  const segments = helper.segments.filter((s) => !editing || s.id !== editing.id);

  // -- state ------------------------------------------------------------------------------
  const state = { tree: { type: 'and', conditions: [] }, definition: null, treeError: null, textError: null };
  let printSeq = 0;
  let parseSeq = 0;
  let estimateSeq = 0;
  let estimateAbort = null;
  let inFlight = Promise.resolve();
  let renderQueued = false;
  let alive = true;

  // -- layout -----------------------------------------------------------------------------
  const treeEl = h('div', { class: 'builder-tree', 'data-testid': 'builder-tree' });
  const treeNotice = h('div', { class: 'alert alert-warning py-2 small', role: 'status', 'data-testid': 'tree-notice', hidden: true });
  const estimate = estimatePanel();
  const text = textPanel({ label: 'Definition (text, editable)', onInput: () => textEdited() });
  const save = savePanel({ canSave: editor, role: ctx.session.role, editing, onSave: (r) => doSave(r) });
  const membersLink = ctx.session.canSeePersonal
    ? h('a', { class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'preview-members', href: '#' }, 'See who is in it')
    : null;

  const env = {
    typeOf: helper.typeOf,
    list: helper.list,
    segments,
    focusNext: null,
    changed: (structural) => treeEdited(structural),
    renderNode: (node, slot, scope) => renderNode(node, slot, scope, env),
  };

  mount(el,
    pageHeader(title, h('a', { class: 'btn btn-outline-secondary', href: href('segments'), 'data-testid': 'builder-back' }, 'Back to segments')),
    schema ? null : h('div', { class: 'alert alert-info py-2 small', role: 'status', 'data-testid': 'schema-missing' },
      'Suggestions are unavailable (the data description could not be loaded); every condition can still be typed.'),
    h('div', { class: 'builder-layout' },
      h('section', { class: 'builder-main', 'aria-label': 'Conditions' },
        estimate.el,
        h('h2', { class: 'h5' }, 'Conditions'),
        treeNotice, treeEl),
      h('div', { class: 'builder-side' },
        h('section', { class: 'card', 'aria-label': 'Definition as text' }, h('div', { class: 'card-body' }, text.el,
          membersLink ? h('div', { class: 'mt-2' }, membersLink) : null)),
        save.el)),
    lists);

  // -- tree → text ------------------------------------------------------------------------
  function renderTree() {
    renderQueued = false;
    if (!alive) return;
    const active = document.activeElement;
    const focus = env.focusNext
      || (active && treeEl.contains(active) && active.dataset.testid ? { testid: active.dataset.testid, pointer: active.dataset.pointer } : null);
    env.focusNext = null;
    const rootSlot = { pointer: '', isRoot: true, set: (n) => { state.tree = n; } };
    mount(treeEl, renderNode(state.tree, rootSlot, {}, env));
    markTreeError();
    if (focus) {
      const target = treeEl.querySelector(`[data-testid="${focus.testid}"][data-pointer="${CSS.escape(focus.pointer ?? '')}"]`);
      if (target) target.focus();
    }
  }

  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    // after the event that caused it has finished, so a Tab that committed a field lands where it should
    setTimeout(renderTree, 0);
  }

  const printSoon = debounce(() => print(), TREE_DEBOUNCE_MS);

  function treeEdited(structural) {
    parseSeq++; // a parse still on its way describes older text: ignore it
    parseSoon.cancel();
    if (structural) {
      scheduleRender();
      printSoon.cancel();
      print();
    } else {
      printSoon();
    }
  }

  function print() {
    const seq = ++printSeq;
    estimate.busy();
    const p = ctx.api.post('/api/language/print', { tree: forPrinting(state.tree) }).then((r) => {
      if (seq !== printSeq || !alive) return;
      state.treeError = null;
      markTreeError();
      text.setText(r.text);
      setDefinition(r.text);
    }, (e) => {
      if (seq !== printSeq || !alive) return;
      state.treeError = e.status === 400 && e.body ? { error: e.body.error || e.message, pointer: e.body.pointer ?? '' } : { error: e.message, pointer: '' };
      markTreeError();
      state.definition = null;
      text.setStatus('The text waits for the highlighted condition to be complete.', 'warning');
      estimate.none(e.status === 400 ? 'Complete the highlighted condition to see the size.' : e.message);
    });
    inFlight = p;
    return p;
  }

  /** Puts the server's message next to the control (and in the row) its JSON Pointer names. */
  function markTreeError() {
    treeEl.querySelectorAll('.is-invalid').forEach((x) => { x.classList.remove('is-invalid'); x.removeAttribute('aria-invalid'); });
    treeEl.querySelectorAll('[data-testid="cond-error"]').forEach((x) => { x.textContent = ''; });
    treeEl.querySelectorAll('.cond-has-error').forEach((x) => x.classList.remove('cond-has-error'));
    treeNotice.hidden = true;
    const e = state.treeError;
    if (!e) return;
    const under = (prefix) => e.pointer === prefix || e.pointer.startsWith(`${prefix}/`);
    treeEl.querySelectorAll('[data-field]').forEach((c) => {
      if (under(`${c.dataset.pointer}/${c.dataset.field}`)) { c.classList.add('is-invalid'); c.setAttribute('aria-invalid', 'true'); }
    });
    let best = null;
    treeEl.querySelectorAll('[data-testid="cond-error"]').forEach((box) => {
      if (under(box.dataset.pointer) && (!best || box.dataset.pointer.length > best.dataset.pointer.length)) best = box;
    });
    if (best) {
      best.textContent = e.error;
      best.closest('.cond, .group').classList.add('cond-has-error');
    } else {
      treeNotice.hidden = false;
      treeNotice.textContent = e.error;
    }
  }

  // -- text → tree ------------------------------------------------------------------------
  const parseSoon = debounce(() => parse(text.value), TEXT_DEBOUNCE_MS);

  function textEdited() {
    printSeq++; // the tree's last print is older than this text
    printSoon.cancel();
    text.setStatus('Reading the text…');
    estimate.busy();
    parseSoon();
  }

  function parse(source) {
    const seq = ++parseSeq;
    const p = ctx.api.post('/api/language/parse', { text: source }).then((r) => {
      if (seq !== parseSeq || !alive) return;
      state.tree = normalize(r.tree);
      state.textError = null;
      state.treeError = null;
      text.showError(null);
      treeNotice.hidden = true;
      renderTree();
      setDefinition(source);
    }, (e) => {
      if (seq !== parseSeq || !alive) return;
      if (e.status === 400 && e.body && e.body.line) {
        state.textError = e.body;
        text.showError(e.body);
        text.setStatus('The tree keeps the last definition that could be read.', 'danger');
        estimate.none('Fix the error in the text to see the size.');
      } else {
        text.showError({ error: e.message });
        estimate.none(e.message);
      }
      state.definition = null;
    });
    inFlight = p;
    return p;
  }

  // -- size -------------------------------------------------------------------------------
  function setDefinition(definition) {
    state.definition = definition;
    state.textError = null;
    text.showError(null);
    text.setStatus('Tree and text agree.', 'success');
    if (membersLink) membersLink.href = href('members', { base: definition });
    runEstimate(definition);
  }

  function runEstimate(definition) {
    const seq = ++estimateSeq;
    if (estimateAbort) estimateAbort.abort();
    estimateAbort = new AbortController();
    estimate.busy();
    ctx.api.post('/api/segments/estimate', { definition }, { signal: estimateAbort.signal }).then((r) => {
      if (seq !== estimateSeq || !alive) return; // a later definition's answer is coming
      estimate.show(r);
    }, (e) => {
      if (seq !== estimateSeq || !alive || e.name === 'AbortError') return;
      estimate.none(e.message);
    });
  }

  // -- save -------------------------------------------------------------------------------
  async function doSave({ name, kind, description, asNew }) {
    // let a pending edit reach the server first, so what is saved is what is on screen
    if (parseSoon.pending || printSoon.pending) { parseSoon.flush(); printSoon.flush(); }
    await inFlight;
    if (state.textError) return save.fail({ message: 'Fix the error in the text before saving.' });
    if (state.treeError || state.definition === null) return save.fail({ message: 'Complete the highlighted condition before saving.' });
    const body = { name, kind, definition: state.definition, description };
    try {
      const saved = editing && !asNew
        ? await ctx.api.put(`/api/segments/${seg(editing.id)}`, body)
        : await ctx.api.post('/api/segments', body);
      ctx.uncache('schema');
      announce(`Saved “${saved.name}”`);
      ctx.navigate(href(`segment/${seg(saved.id)}`));
    } catch (e) {
      const b = e.body || {};
      if (e.status === 400 && b.line) {
        text.showError(b);
        save.fail({ message: `The definition was refused: line ${b.line}, column ${b.column}: ${b.error}` });
      } else if (e.status === 400 && /^"description"/.test(b.error || '')) {
        save.fail({ field: 'description', message: b.error });
      } else if (e.status === 409 || (e.status === 400 && /name/i.test(b.error || ''))) {
        save.fail({ field: 'name', message: b.error || e.message });
      } else {
        save.fail({ message: e.message });
      }
    }
  }

  // -- start ------------------------------------------------------------------------------
  renderTree();
  if (startText) {
    text.setText(startText);
    await parse(startText);
    if (!state.textError) {
      // show the canonical text once the definition is read
      await print();
    }
  } else {
    await print();
  }
  if (params.name && !editing) {
    const n = el.querySelector('[data-testid="save-name"]');
    if (n) n.value = params.name;
  }
  startText = null;

  return () => {
    alive = false;
    printSoon.cancel();
    parseSoon.cancel();
    if (estimateAbort) estimateAbort.abort();
  };
}
