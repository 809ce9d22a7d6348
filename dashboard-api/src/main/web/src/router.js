// Hash routes (#/live?screen=big, #/enterprise/ent-a): the API serves index.html for everything,
// so no server rewrite is needed.
import { useEffect, useState } from 'preact/hooks';

export function parseHash(hash) {
  const text = (hash || '').replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = text.split('?');
  const segments = pathPart.split('/').filter(Boolean).map((s) => {
    try { return decodeURIComponent(s); } catch { return s; }
  });
  return { path: `/${segments.join('/')}`, segments, params: new URLSearchParams(queryPart) };
}

export function navigate(path) {
  location.hash = `#${path}`;
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', update);
    update(); // the hash may have changed between the first render and this effect (a redirect while rendering)
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function enterpriseHref(id) {
  return `#/enterprise/${encodeURIComponent(id)}`;
}

/** An enterprise's carbon page (operators); an enterprise's own is plain #/carbon. */
export function carbonHref(id) {
  return `#/carbon/${encodeURIComponent(id)}`;
}
