import { getJson, parkPath } from './api.js';

/** id → name of the park's enterprises; an enterprise caller may get only its own, or a 403. */
export async function enterpriseNames(park, signal) {
  try {
    const answer = await getJson(parkPath(park, '/enterprises'), { signal });
    return Object.fromEntries((answer.enterprises || []).map((e) => [e.id, e.name || e.id]));
  } catch (e) {
    if (e.name === 'AbortError' || e.status === 401) throw e;
    return {};
  }
}
