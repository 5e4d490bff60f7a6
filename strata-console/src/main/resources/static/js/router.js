/**
 * Hash routes of the console (see docs/console.md): `#/name/param?query`.
 * @module router
 */

/**
 * @typedef {{name: string, module: string, keys?: string[], pattern: RegExp, open?: boolean,
 *   personal?: boolean, title: string}} Route
 */

/** @type {Route[]} */
export const ROUTES = [
  { name: 'signin', pattern: /^signin$/, module: './pages/signin.js', open: true, title: 'Sign in' },
  { name: 'segments', pattern: /^segments$/, module: './pages/segments.js', title: 'Segments' },
  { name: 'builder', pattern: /^builder(?:\/([^/]+))?$/, keys: ['id'], module: './pages/builder.js', title: 'Segment builder' },
  { name: 'segment', pattern: /^segment\/([^/]+)$/, keys: ['id'], module: './pages/segment.js', title: 'Segment' },
  { name: 'scorecard', pattern: /^scorecard$/, module: './pages/scorecard.js', title: 'Scorecard' },
  { name: 'members', pattern: /^members$/, module: './pages/members.js', personal: true, title: 'Members' },
  { name: 'profile', pattern: /^profile\/([^/]+)$/, keys: ['userId'], module: './pages/profile.js', personal: true, title: 'Profile' },
];

/**
 * Splits a location hash into its route and parameters (path parameters and query parameters
 * merged; path parameters win).
 * @param {string} hash e.g. "#/segment/seg_1?drill=%5B%5D"
 * @returns {{route: Route|null, params: Object<string,string>, path: string}}
 */
export function match(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = {};
  if (q >= 0) for (const [k, v] of new URLSearchParams(raw.slice(q + 1))) params[k] = v;
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    (route.keys || []).forEach((k, i) => {
      if (m[i + 1] !== undefined) params[k] = decodeURIComponent(m[i + 1]);
    });
    return { route, params, path };
  }
  return { route: null, params, path };
}

/**
 * Builds a hash from a route path and query parameters (null/undefined ones left out).
 * @param {string} path e.g. "segment/seg_1"
 * @param {Object<string, *>} [query]
 */
export function href(path, query) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null) qs.set(k, String(v));
  const s = qs.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}
