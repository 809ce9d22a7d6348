// How old a live figure is, said next to it: "12 s ago", "as of 12-06 14:05", "no data since 14:05".
import { formatMoment } from './dates.js';
import { formatElapsed } from './format.js';
import { t } from './i18n.js';

const HOUR_MS = 3600000;

/** "12 s ago" within the hour, else "as of 14:05" (park time); "no data yet" when it never came. */
export function ageText(at, now) {
  if (at === null || at === undefined) return t('age.never');
  if (now - at < HOUR_MS) return t('age.ago', { age: formatElapsed(at, now) });
  return t('age.asOf', { time: formatMoment(at, now) });
}

/** Said instead of a value that is too old to be current: "no data since 12-06 14:05". */
export function staleText(at, now) {
  if (at === null || at === undefined) return t('age.never');
  return t('age.staleSince', { time: formatMoment(at, now) });
}

/** The tooltip of a stale figure: when its last value was taken and how old a value may be. */
export function staleTitle(at, maxAgeMs, now) {
  if (at === null || at === undefined) return t('age.never');
  return t('age.staleTitle', { time: formatMoment(at, now), limit: formatElapsed(now - maxAgeMs, now) });
}

/** The newest of some epoch-ms times (null ones left out), or null. */
export function newest(times) {
  const known = times.filter((x) => typeof x === 'number');
  return known.length ? Math.max(...known) : null;
}
