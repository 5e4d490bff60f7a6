// GET /api/schema, shared by the pages for a short while: it scans the population, and the
// segment page asks for it from several panels at once.
const TTL_MS = 60_000;
let cached = null;

export function schema(api) {
  const now = Date.now();
  if (!cached || cached.api !== api || now - cached.at > TTL_MS) {
    cached = { api, at: now, promise: api.get('/api/schema') };
    cached.promise.catch(() => { cached = null; });
  }
  return cached.promise;
}
