// The park's live stream: fetch + ReadableStream (so the bearer header goes along), parsed by
// SseParser, reconnecting with backoff until the page closes it.
import { authHeaders, goToLogin, parkPath } from './api.js';
import { SseParser } from './sse.js';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;

/**
 * @param {string} park
 * @param {{onEvent: (type: string, data: any) => void, onStatus: (s: 'connecting'|'live'|'retrying'|'closed') => void}} handlers
 * @returns {() => void} closes the stream
 */
export function openLiveStream(park, { onEvent, onStatus }) {
  const controller = new AbortController();
  let retryMs = FIRST_RETRY_MS;

  async function connectOnce() {
    onStatus('connecting');
    const response = await fetch(parkPath(park, '/live'), {
      headers: authHeaders({ Accept: 'text/event-stream' }),
      signal: controller.signal,
      cache: 'no-store',
    });
    if (response.status === 401) {
      goToLogin();
      throw Object.assign(new Error('unauthorized'), { fatal: true });
    }
    if (!response.ok || !response.body) throw new Error(`live stream: HTTP ${response.status}`);
    onStatus('live');
    retryMs = FIRST_RETRY_MS;
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) dispatch(event);
    }
    if (parser.retry) retryMs = parser.retry;
  }

  function dispatch(event) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return; // a keep-alive or a malformed line: nothing to show
    }
    onEvent(event.event, data);
  }

  (async () => {
    while (!controller.signal.aborted) {
      try {
        await connectOnce();
      } catch (e) {
        if (e.fatal || controller.signal.aborted) break;
      }
      if (controller.signal.aborted) break;
      onStatus('retrying');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    }
    onStatus('closed');
  })();

  return () => controller.abort();
}
