// The drill-down path: a saved segment narrowed by conditions, written in the segment language.
// The URL keeps only the condition texts (#/segment/{id}?drill=[...]); everything shown is
// recomputed from the combined definition, so a reloaded or shared link shows the same population.

/** A string literal of the segment language. */
export function quote(s) {
  return '"' + String(s)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t') + '"';
}

export function inSegment(name) {
  return 'in segment ' + quote(name);
}

/** `(a) and (b) and …`; one part alone is left as it is. */
export function conjoin(parts) {
  if (parts.length === 0) return 'true';
  if (parts.length === 1) return parts[0];
  return parts.map(p => '(' + p + ')').join(' and ');
}

/** The population at a drill level: the segment's members that meet every condition. */
export function baseOf(segmentName, drill) {
  return conjoin([inSegment(segmentName), ...drill]);
}

/** The drill path from the `drill` query parameter; anything but an array of strings is an error. */
export function parseDrill(text) {
  if (text == null || text === '') return [];
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error('the drill-down path is not valid JSON: ' + e.message);
  }
  if (!Array.isArray(value) || value.some(c => typeof c !== 'string' || c.trim() === '')) {
    throw new Error('the drill-down path must be a JSON array of condition texts');
  }
  return value;
}

function query(pairs) {
  const parts = [];
  for (const [k, v] of pairs) {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    parts.push(k + '=' + encodeURIComponent(Array.isArray(v) ? JSON.stringify(v) : v));
  }
  return parts.length ? '?' + parts.join('&') : '';
}

/** Route of the segment page at a drill level, with the extra breakdown dimensions kept. */
export function segmentRoute(id, drill = [], dims = []) {
  return '#/segment/' + encodeURIComponent(id) + query([['drill', drill], ['by', dims.join(',')]]);
}

/** Route of a member list; segment and drill only say where to go back to. */
export function membersRoute(base, segmentId, drill = []) {
  return '#/members' + query([['base', base], ['segment', segmentId], ['drill', drill]]);
}

/**
 * Route of a profile. Undrilled segment pages link with `segment` (explained by the saved
 * segment); drilled ones with `base`.
 */
export function profileRoute(userId, { segmentId, base, drill } = {}) {
  const pairs = base && drill && drill.length ? [['base', base], ['segment', segmentId], ['drill', drill]]
    : base && !segmentId ? [['base', base]]
    : [['segment', segmentId]];
  return '#/profile/' + encodeURIComponent(userId) + query(pairs);
}
