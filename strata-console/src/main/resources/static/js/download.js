// CSV export: fetched with the session's token (a plain link could not carry it) and handed to
// the browser as a file. The server audits every export with its row count.
import { h } from './ui.js';

export async function downloadCsv(session, { method = 'GET', path, body, filename }) {
  const headers = { Authorization: 'Bearer ' + session.token, Accept: 'text/csv' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    let detail = `the server answered ${res.status}`;
    try { detail = (await res.json()).error || detail; } catch (ignored) { /* not JSON */ }
    throw new Error('Export failed: ' + detail);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a label: letters, digits and dashes. */
export function csvName(label) {
  const stem = String(label).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return (stem || 'members') + '-members.csv';
}

/** An "Export CSV" button with a status line; request is what downloadCsv takes. */
export function exportButton(session, request) {
  const status = h('span', { class: 'small', role: 'status', 'data-testid': 'export-status' });
  const button = h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'export-csv',
    onclick: async () => {
      button.disabled = true;
      status.textContent = 'Exporting…';
      try {
        await downloadCsv(session, request);
        status.textContent = 'Exported (the export is recorded in the audit log).';
      } catch (e) {
        status.textContent = e.message;
      } finally {
        button.disabled = false;
      }
    } }, 'Export CSV');
  return h('span', { class: 'd-inline-flex gap-2 align-items-center' }, button, status);
}
