/**
 * The definition as text, editable beside the tree. A syntax error is marked where it is: the
 * character is highlighted behind the textarea, and the message names the line and column and
 * quotes the line with a caret under the spot.
 * @module builder/textpanel
 */
import { h, uid } from '../ui.js';

/**
 * The UTF-16 offset of a 1-based line and column (columns count characters, as the parser does).
 * @returns {number}
 */
export function offsetOf(text, line, column) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
  const current = lines[Math.min(line - 1, lines.length - 1)] || '';
  return offset + [...current].slice(0, Math.max(0, column - 1)).join('').length;
}

/**
 * @param {{onInput: (text: string) => void, label: string}} opts
 */
export function textPanel({ onInput, label }) {
  const id = uid('definition');
  const statusId = uid('text-status');
  const highlights = h('div', { class: 'text-highlights', 'aria-hidden': 'true' });
  const backdrop = h('div', { class: 'text-backdrop' }, highlights);
  const textarea = h('textarea', {
    id, class: 'form-control text-definition', rows: '8', spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': statusId, 'data-testid': 'builder-text',
  });
  const status = h('div', { id: statusId, class: 'text-status small', 'data-testid': 'text-status', 'aria-live': 'polite' });
  const errorBox = h('div', { class: 'text-error', role: 'alert', 'data-testid': 'text-error-box', hidden: true });
  let error = null;

  const paint = () => {
    const text = textarea.value;
    if (!error) {
      highlights.replaceChildren(document.createTextNode(`${text}\n`));
      return;
    }
    const at = offsetOf(text, error.line, error.column);
    const ch = [...text.slice(at, at + 2)][0];
    const end = ch && ch !== '\n' ? at + ch.length : at;
    highlights.replaceChildren(
      document.createTextNode(text.slice(0, at)),
      h('mark', { class: 'text-error-mark', 'data-testid': 'text-error-mark', 'data-line': error.line, 'data-column': error.column },
        end > at ? text.slice(at, end) : ' '),
      document.createTextNode(`${text.slice(end)}\n`));
  };
  textarea.addEventListener('input', () => {
    paint();
    onInput(textarea.value);
  });
  textarea.addEventListener('scroll', () => {
    backdrop.scrollTop = textarea.scrollTop;
    backdrop.scrollLeft = textarea.scrollLeft;
  });

  const el = h('div', { class: 'text-panel' },
    h('label', { for: id, class: 'form-label fw-semibold' }, label),
    h('div', { class: 'text-editor' }, backdrop, textarea),
    status,
    errorBox);

  return {
    el,
    textarea,
    get value() { return textarea.value; },
    /** Replaces the text (from the tree), keeping the caret when the text is focused. */
    setText(text) {
      if (textarea.value === text) return;
      textarea.value = text;
      paint();
    },
    setStatus(text, tone = 'muted') {
      status.className = `text-status small text-${tone === 'muted' ? 'body-secondary' : tone}`;
      status.textContent = text;
    },
    /** @param {{error: string, line: number, column: number}|null} e */
    showError(e) {
      error = e && e.line ? e : null;
      paint();
      textarea.classList.toggle('text-invalid', !!e);
      textarea.setAttribute('aria-invalid', e ? 'true' : 'false');
      if (!e) {
        errorBox.hidden = true;
        errorBox.replaceChildren();
        return;
      }
      const where = e.line ? `Line ${e.line}, column ${e.column}` : 'Error';
      const lineText = e.line ? (textarea.value.split('\n')[e.line - 1] ?? '') : '';
      const caret = e.line ? `${' '.repeat(Math.max(0, e.column - 1))}^` : '';
      errorBox.hidden = false;
      errorBox.replaceChildren(
        h('p', { class: 'mb-1', 'data-testid': 'text-error' }, h('strong', {}, `${where}: `), e.error),
        e.line ? h('pre', { class: 'text-error-excerpt', 'data-testid': 'text-error-excerpt', 'aria-hidden': 'true' }, `${lineText}\n${caret}`) : null,
        e.line ? h('button', {
          type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': 'text-error-goto',
          onclick: () => {
            const at = offsetOf(textarea.value, e.line, e.column);
            textarea.focus();
            textarea.setSelectionRange(at, at);
          },
        }, 'Go to the error') : null);
    },
  };
}
