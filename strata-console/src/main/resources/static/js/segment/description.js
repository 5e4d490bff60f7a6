// The segment's description in plain words (a persona's distinctions, a template rule's
// explanation, or an editor's note), and for editors an inline editor that saves it with
// PUT /api/segments/{id} {"description"}; an empty description removes it.
import { announce, h, uid } from '../ui.js';
import { canEdit } from '../session.js';

/** The server's limit (Descriptions.MAX_LENGTH); it answers a longer text with a 400 naming the length. */
export const MAX_DESCRIPTION = 2000;

export function descriptionBlock(page) {
  const { segment, session, drill } = page;
  const editable = canEdit(session) && !drill.length;
  if (!editable && !segment.description) return null;
  const box = h('section', { class: 'segment-description mb-3', 'aria-label': 'Description', 'data-testid': 'description-block' });

  function show(focusButton) {
    const text = segment.description;
    const button = editable ? h('button', {
      type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'edit-description', onclick: edit,
    }, text ? 'Edit description' : 'Add a description') : null;
    box.replaceChildren(
      text ? h('p', { class: 'mb-2', style: { whiteSpace: 'pre-line' }, 'data-testid': 'segment-description' }, text)
        : h('p', { class: 'mb-2 small text-body-secondary', 'data-testid': 'segment-description-empty' }, 'No description yet.'),
      button);
    if (focusButton && button) button.focus();
  }

  function edit() {
    const id = uid('description');
    const hint = h('div', { class: 'form-text', id: `${id}-hint`, 'data-testid': 'description-count' });
    const error = h('div', { class: 'invalid-feedback', id: `${id}-error`, 'data-testid': 'description-error' });
    const input = h('textarea', {
      id, class: 'form-control', rows: '3', maxlength: String(MAX_DESCRIPTION), 'data-testid': 'description-input',
      'aria-describedby': `${id}-hint ${id}-error`, value: segment.description || '',
    });
    const count = () => { hint.textContent = `${input.value.length} of ${MAX_DESCRIPTION} characters. Plain text; leave empty to remove it.`; };
    input.addEventListener('input', count);
    count();
    const submit = h('button', { type: 'submit', class: 'btn btn-sm btn-primary', 'data-testid': 'description-save' }, 'Save description');
    const cancel = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'description-cancel',
      onclick: () => show(true) }, 'Cancel');
    const form = h('form', { novalidate: true, 'data-testid': 'description-form' },
      h('label', { for: id, class: 'form-label' }, 'Description'), input, error, hint,
      h('div', { class: 'd-flex gap-2 mt-2' }, submit, cancel));
    form.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') show(true); });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      submit.disabled = true;
      input.classList.remove('is-invalid');
      input.removeAttribute('aria-invalid');
      try {
        const saved = await page.api.put(`/api/segments/${encodeURIComponent(segment.id)}`, { description: input.value });
        segment.description = saved.description;
        show(true);
        announce(saved.description ? 'Description saved' : 'Description removed');
      } catch (e) {
        input.classList.add('is-invalid');
        input.setAttribute('aria-invalid', 'true');
        error.textContent = (e.body && e.body.error) || e.message;
        submit.disabled = false;
        input.focus();
      }
    });
    box.replaceChildren(form);
    input.focus();
  }

  show(false);
  return box;
}
