import { useEffect, useState } from 'preact/hooks';
import { reportError } from './errors.js';

/**
 * Runs load(signal) whenever deps change; a newer run or unmounting aborts the older one, so a slow
 * answer never overwrites a newer one. Failures go to the error banner and are returned too.
 */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    load(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ data, error: null, loading: false }); },
      (error) => {
        if (controller.signal.aborted || error.name === 'AbortError') return;
        if (error.status !== 401) reportError(error);
        setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
  }, deps);
  return state;
}
