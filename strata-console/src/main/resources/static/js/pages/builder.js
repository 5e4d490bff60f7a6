/**
 * The visual segment builder (being written).
 * @module pages/builder
 */
import { pageHeader } from '../ui.js';

export function render(el) {
  el.append(pageHeader('Segment builder'));
}
