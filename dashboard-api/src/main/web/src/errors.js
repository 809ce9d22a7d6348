// One error banner for the whole UI: pages report, the layout shows the latest.

let listeners = [];
let current = null;

export function reportError(error) {
  current = error ? describe(error) : null;
  listeners.forEach((fn) => fn(current));
}

export function clearError() {
  reportError(null);
}

export function onError(fn) {
  listeners.push(fn);
  return () => { listeners = listeners.filter((l) => l !== fn); };
}

function describe(error) {
  if (typeof error === 'string') return { message: error };
  return { message: error.message || String(error), status: error.status, problems: error.problems };
}
