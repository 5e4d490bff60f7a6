/**
 * The console's HTTP client: JSON in, JSON (or text, for CSV) out, with the session's bearer token.
 * @module api
 */

/** A non-2xx answer from the server, or a network failure (status 0). */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {*} body the parsed JSON body ({error, line, column, pointer, …}), text, or null
   * @param {string} [message]
   */
  constructor(status, body, message) {
    super(message || describe(status, body));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

function describe(status, body) {
  if (body && typeof body === 'object' && body.error) return body.error;
  if (status === 0) return 'The server cannot be reached.';
  if (typeof body === 'string' && body.trim()) return `${status}: ${body.trim().slice(0, 200)}`;
  return `The server answered ${status}.`;
}

/**
 * Creates a client bound to a token source.
 * @param {{token: () => (string|null), onUnauthorized?: (err: ApiError) => void}} opts
 *   onUnauthorized runs on a 401 (the token was revoked or is unknown) before the error is thrown.
 * @returns {{request: Function, get: Function, post: Function, put: Function, del: Function}}
 *   Each returns the parsed JSON (or the text of a non-JSON answer, null for 204) and throws {@link ApiError}.
 *   The optional last argument `{signal}` cancels the call (an AbortError is thrown, not an ApiError).
 */
export function createApi({ token, onUnauthorized }) {
  async function request(method, path, body, { signal, headers = {} } = {}) {
    const h = { Accept: 'application/json, text/csv;q=0.9, */*;q=0.1', ...headers };
    const t = token();
    if (t) h.Authorization = `Bearer ${t}`;
    let payload;
    if (body !== undefined && body !== null) {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, { method, headers: h, body: payload, signal, cache: 'no-store' });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new ApiError(0, null);
    }
    const parsed = await readBody(res);
    if (!res.ok) {
      const err = new ApiError(res.status, parsed);
      if (res.status === 401 && onUnauthorized) onUnauthorized(err);
      throw err;
    }
    return parsed;
  }

  return {
    request,
    get: (path, opts) => request('GET', path, null, opts),
    post: (path, body, opts) => request('POST', path, body ?? {}, opts),
    put: (path, body, opts) => request('PUT', path, body ?? {}, opts),
    del: (path, body, opts) => request('DELETE', path, body, opts),
  };
}

async function readBody(res) {
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const text = await res.text();
  if (type.includes('json') && text) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Path helper: encodes one path segment (ids, user ids). */
export const seg = (s) => encodeURIComponent(String(s));
