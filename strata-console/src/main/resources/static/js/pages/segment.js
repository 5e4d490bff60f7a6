/**
 * Placeholder for the segment page, which is built separately; it shows what it was asked for.
 * @module pages/segment
 */
import { h, pageHeader } from '../ui.js';
import { href } from '../router.js';

/**
 * @param {HTMLElement} el
 * @param {Object<string,string>} params
 * @param {import('../app.js').Ctx} ctx
 */
export function render(el, params, ctx) {
  void ctx;
  el.append(pageHeader('Segment'),
    h('p', { 'data-testid': 'segment-placeholder' }, 'This page is not built yet. Parameters: ', JSON.stringify(params)),
    h('a', { href: href('segments'), 'data-testid': 'back-to-segments' }, 'Back to segments'));
}
