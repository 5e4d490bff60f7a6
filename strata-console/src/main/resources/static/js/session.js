/**
 * The signed-in session, kept in sessionStorage: it ends with the browser tab, and a token is
 * never written anywhere that outlives it.
 * @module session
 */

const KEY = 'strata.session';

/**
 * @typedef {{token: string, name: string, role: string, canSeePersonal: boolean}} Session
 */

/** @returns {Session|null} */
export function loadSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    return s && typeof s.token === 'string' && typeof s.role === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** @param {Session} s */
export function saveSession(s) {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

/** Roles that may save, change and delete segments (the server enforces it; the console only hides what would fail). */
export const canEdit = (s) => !!s && (s.role === 'admin' || s.role === 'editor');
