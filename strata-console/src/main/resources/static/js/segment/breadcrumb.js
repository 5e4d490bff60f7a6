// The drill-down path as a breadcrumb: the segments list, the segment, then one crumb per condition. A crumb goes
// back to its level; its remove button drops that one condition and keeps the others.
import { h } from '../ui.js';

export function breadcrumb(page) {
  const { segment, drill } = page;
  const items = [h('li', { class: 'breadcrumb-item' }, h('a', { href: '#/segments', 'data-testid': 'crumb-segments' }, 'Segments')),
    h('li', { class: 'breadcrumb-item', 'data-testid': 'crumb-0' },
    drill.length
      ? h('a', { href: page.route([]), 'data-testid': 'crumb-0-link' }, segment.name)
      : h('span', { 'aria-current': 'page' }, segment.name))];
  drill.forEach((condition, i) => {
    const level = i + 1;
    const last = level === drill.length;
    const text = h('code', {}, condition);
    items.push(h('li', { class: 'breadcrumb-item drill-crumb', 'data-testid': `crumb-${level}` },
      last ? h('span', { 'aria-current': 'page' }, text)
        : h('a', { href: page.route(drill.slice(0, level)), 'data-testid': `crumb-${level}-link`,
          'aria-label': `Back to ${condition}` }, text),
      h('button', { type: 'button', class: 'btn-close btn-sm ms-1 crumb-remove', 'data-testid': `crumb-${level}-remove`,
        'aria-label': `Remove the condition ${condition}`,
        onclick: () => page.go(drill.filter((c, k) => k !== i)) })));
  });
  return h('nav', { 'aria-label': 'Drill-down path', 'data-testid': 'breadcrumb' },
    h('ol', { class: 'breadcrumb mb-2' }, items));
}
