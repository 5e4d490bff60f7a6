// "Save as new segment": the drilled population's combined definition under a new name.
import { h } from '../ui.js';
import { segmentRoute } from '../drill.js';

export function saveForm(page, onClose) {
  const name = h('input', { class: 'form-control', id: 'saveas-name', required: '', maxlength: '200',
    'data-testid': 'saveas-name', autocomplete: 'off' });
  const kind = k => h('div', { class: 'form-check form-check-inline' },
    h('input', { class: 'form-check-input', type: 'radio', name: 'save-kind', id: `save-kind-${k}`, value: k,
      'data-testid': `saveas-kind-${k}` }),
    h('label', { class: 'form-check-label', for: `save-kind-${k}` }, k));
  const message = h('div', { 'data-testid': 'saveas-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', 'data-testid': 'saveas-submit' }, 'Save');
  const form = h('form', { class: 'card card-body mb-3 save-form', 'data-testid': 'saveas-form', 'aria-labelledby': 'save-title' },
    h('h2', { class: 'h6', id: 'save-title' }, 'Save this population as a new segment'),
    h('p', { class: 'small mb-2' }, 'Definition: ', h('code', {}, page.base)),
    h('div', { class: 'mb-2' }, h('label', { for: 'saveas-name', class: 'form-label' }, 'Name'), name),
    h('fieldset', { class: 'mb-2' }, h('legend', { class: 'form-label fs-6' }, 'Kind'), kind('dynamic'), kind('static'),
      h('div', { class: 'form-text' }, 'Dynamic stays exact as data arrives; static is a snapshot taken now.')),
    message,
    h('div', { class: 'd-flex gap-2' }, submit,
      h('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', 'data-testid': 'saveas-cancel', onclick: onClose }, 'Cancel')));
  form.querySelector('#save-kind-dynamic').checked = true;
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!name.value.trim()) {
      message.replaceChildren(h('div', { class: 'alert alert-danger py-1 px-2', role: 'alert' }, 'A name is required.'));
      name.focus();
      return;
    }
    submit.disabled = true;
    try {
      const created = await page.api.post('/api/segments', {
        name: name.value.trim(), definition: page.base, kind: form.querySelector('input[name=save-kind]:checked').value,
      });
      page.navigate(segmentRoute(created.id));
    } catch (e) {
      message.replaceChildren(h('div', { class: 'alert alert-danger py-1 px-2', role: 'alert' }, e.message));
      submit.disabled = false;
    }
  });
  form.addEventListener('keydown', ev => { if (ev.key === 'Escape') onClose(); });
  setTimeout(() => name.focus(), 0);
  return form;
}
