// The login answer lives in sessionStorage: it dies with the tab, as a short-lived token should.

const SESSION_KEY = 'parkpulse.session';
const PARK_KEY = 'parkpulse.park';

function storage() {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

/** @returns {{token:string, expires_at?:string, role:string, parks:string[], enterprise?:string, name?:string}|null} */
export function currentSession() {
  const raw = storage()?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw);
    if (!session.token) return null;
    if (session.expires_at && Date.parse(session.expires_at) <= Date.now()) {
      clearSession();
      return null;
    }
    return session;
  } catch {
    clearSession();
    return null;
  }
}

export function saveSession(login) {
  storage()?.setItem(SESSION_KEY, JSON.stringify(login));
}

export function clearSession() {
  storage()?.removeItem(SESSION_KEY);
  storage()?.removeItem(PARK_KEY);
}

/** Parks the caller may pick from; '*' (every park) is not a park and is left out. */
export function knownParks(session) {
  const parks = Array.isArray(session?.parks) ? session.parks : session?.park ? [session.park] : [];
  return parks.filter((p) => p && p !== '*');
}

export function currentPark(session = currentSession()) {
  const chosen = storage()?.getItem(PARK_KEY);
  const parks = knownParks(session);
  if (chosen && (parks.length === 0 || parks.includes(chosen) || session?.parks?.includes('*'))) return chosen;
  return parks[0] || '';
}

export function choosePark(park) {
  storage()?.setItem(PARK_KEY, park);
}

export function isOperator(session) {
  return session?.role === 'operator' || session?.role === 'admin';
}
