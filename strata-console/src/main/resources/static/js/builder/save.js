/**
 * Saving the definition as a segment (POST /api/segments, or PUT for one being edited), with the
 * server's refusals shown beside the field they concern. Roles that may not save are told why.
 * @module builder/save
 */
import { h, uid } from '../ui.js';
import { MAX_DESCRIPTION } from '../segment/description.js';

/**
 * @param {{canSave: boolean, role: string, editing: {id: string, name: string, kind: string, description?: string}|null,
 *   onSave: (req: {name: string, kind: string, description: string, asNew: boolean}) => Promise<void>}} opts
 */
export function savePanel({ canSave, role, editing, onSave }) {
  if (!canSave) {
    return {
      el: h('section', { class: 'card save-panel', 'aria-labelledby': 'save-title' }, h('div', { class: 'card-body' },
        h('h2', { class: 'h6 card-title', id: 'save-title' }, 'Saving'),
        h('p', { class: 'mb-0 small', 'data-testid': 'save-disabled' },
          `Your role (${role}) can explore definitions and see their size here. Saving a segment needs an editor or admin token.`))),
      fail() {},
    };
  }
  const nameId = uid('name');
  const kindId = uid('kind');
  const nameError = h('div', { class: 'invalid-feedback', id: uid('name-error'), 'data-testid': 'save-name-error' });
  const name = h('input', {
    id: nameId, class: 'form-control', required: true, maxlength: '200', value: editing ? editing.name : '',
    autocomplete: 'off', 'aria-describedby': nameError.id, 'data-testid': 'save-name',
  });
  const kind = h('select', { id: kindId, class: 'form-select', 'data-testid': 'save-kind', 'aria-describedby': `${kindId}-hint` },
    h('option', { value: 'dynamic', selected: !editing || editing.kind !== 'static' }, 'Dynamic: members follow the data'),
    h('option', { value: 'static', selected: !!editing && editing.kind === 'static' }, 'Static: a snapshot of today’s members'));
  const descriptionId = uid('description');
  const descriptionError = h('div', { class: 'invalid-feedback', id: uid('description-error'), 'data-testid': 'save-description-error' });
  const description = h('textarea', {
    id: descriptionId, class: 'form-control', rows: '2', maxlength: String(MAX_DESCRIPTION), value: (editing && editing.description) || '',
    'aria-describedby': `${descriptionId}-hint ${descriptionError.id}`, 'data-testid': 'save-description',
  });
  const error = h('div', { class: 'alert alert-danger py-2 small', role: 'alert', 'data-testid': 'save-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'save-submit' }, editing ? 'Save changes' : 'Save segment');
  const copy = editing ? h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'save-as-new' }, 'Save as a new segment') : null;

  const clear = () => {
    error.hidden = true;
    error.textContent = '';
    for (const [input, message] of [[name, nameError], [description, descriptionError]]) {
      input.classList.remove('is-invalid');
      input.removeAttribute('aria-invalid');
      message.textContent = '';
    }
  };
  const run = async (asNew) => {
    clear();
    if (!name.value.trim()) {
      fail({ field: 'name', message: 'Give the segment a name.' });
      return;
    }
    submit.disabled = true;
    if (copy) copy.disabled = true;
    try {
      await onSave({ name: name.value.trim(), kind: kind.value, description: description.value, asNew });
    } finally {
      submit.disabled = false;
      if (copy) copy.disabled = false;
    }
  };
  if (copy) copy.addEventListener('click', () => run(true));

  /** Shows a refusal: on the name or description field (field "name", "description") or above the buttons. */
  function fail({ field, message }) {
    const at = { name: [name, nameError], description: [description, descriptionError] }[field];
    if (at) {
      const [input, box] = at;
      input.classList.add('is-invalid');
      input.setAttribute('aria-invalid', 'true');
      box.textContent = message;
      input.focus();
    } else {
      error.hidden = false;
      error.textContent = message;
    }
  }

  const el = h('section', { class: 'card save-panel', 'aria-labelledby': 'save-title' }, h('div', { class: 'card-body' },
    h('h2', { class: 'h6 card-title', id: 'save-title' }, editing ? 'Save changes' : 'Save as a segment'),
    h('form', { novalidate: true, 'data-testid': 'save-form', onsubmit: (e) => { e.preventDefault(); run(false); } },
      h('div', { class: 'mb-2' }, h('label', { for: nameId, class: 'form-label' }, 'Name (required)'), name, nameError),
      h('div', { class: 'mb-2' }, h('label', { for: kindId, class: 'form-label' }, 'Kind'), kind,
        h('div', { class: 'form-text', id: `${kindId}-hint` }, 'A dynamic segment is re-evaluated as data arrives; a static one keeps the members it has when saved.')),
      h('div', { class: 'mb-2' }, h('label', { for: descriptionId, class: 'form-label' }, 'Description (optional)'), description, descriptionError,
        h('div', { class: 'form-text', id: `${descriptionId}-hint` }, 'In plain words, who is in it and why; shown on the segment’s page.')),
      error,
      h('div', { class: 'd-flex flex-wrap gap-2' }, submit, copy))));
  return { el, fail };
}
