// Every call to /api/v1 goes through here: bearer token on, JSON off, errors as ApiError, and a 401
// anywhere but login sends the user back to the login page.
import { getLang } from './i18n.js';
import { currentSession, clearSession } from './session.js';

export const API = '/api/v1';

export class ApiError extends Error {
  constructor(status, body) {
    const where = body?.field ? ` (${body.field})` : '';
    // the API says it in Chinese too where it can (error_zh): the reader's language first
    const said = getLang() === 'zh' && body?.error_zh ? body.error_zh : body?.error;
    super(`${said || `HTTP ${status}`}${where}`);
    this.status = status;
    this.body = body;
    this.problems = Array.isArray(body?.problems) ? body.problems : undefined;
    this.retryAfter = body?.retryAfter;
  }
}

export function goToLogin() {
  clearSession();
  if (typeof location !== 'undefined' && !location.hash.startsWith('#/login')) location.hash = '#/login';
}

export function authHeaders(extra = {}) {
  const session = currentSession();
  return session ? { ...extra, Authorization: `Bearer ${session.token}` } : extra;
}

export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') search.set(k, v);
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function parkPath(park, rest = '') {
  return `${API}/parks/${encodeURIComponent(park)}${rest}`;
}

async function errorBody(response) {
  const text = await response.text().catch(() => '');
  let body;
  try { body = text ? JSON.parse(text) : {}; } catch { body = { error: text.slice(0, 200) }; }
  const retry = response.headers.get('Retry-After');
  if (retry) body.retryAfter = Number(retry);
  return body;
}

/** Raw fetch with the token; throws ApiError on any non-2xx. */
export async function send(path, { method = 'GET', body, contentType, signal, accept = 'application/json' } = {}) {
  const headers = authHeaders({ Accept: accept });
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(path, { method, headers, body, signal });
  if (!response.ok) {
    const error = new ApiError(response.status, await errorBody(response));
    if (response.status === 401 && !path.endsWith('/login')) goToLogin();
    throw error;
  }
  return response;
}

export async function getJson(path, options) {
  return (await send(path, options)).json();
}

export async function postJson(path, value, options = {}) {
  const response = await send(path, { ...options, method: 'POST', body: JSON.stringify(value), contentType: 'application/json' });
  return response.status === 204 ? null : response.json();
}

export async function login(username, password) {
  return postJson(`${API}/login`, { username, password });
}

export function whoami() {
  return getJson(`${API}/whoami`);
}

/** File name from Content-Disposition (filename* first), else the fallback. */
export function fileNameFrom(disposition, fallback) {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try { return decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')); } catch { /* fall through */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** Fetches a file with the bearer header and hands it to the browser as a download. */
export async function download(path, fallbackName) {
  const response = await send(path, { accept: '*/*' });
  const blob = await response.blob();
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name, size: blob.size };
}
