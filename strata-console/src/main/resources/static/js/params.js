// Reading route parameters the router hands to a page: path parts by name, query values by key.
export function param(params, name) {
  if (!params) return null;
  const q = params.query;
  if (q && typeof q.get === 'function' && q.get(name) != null) return q.get(name);
  if (q && typeof q === 'object' && q[name] != null) return q[name];
  return params[name] ?? null;
}
