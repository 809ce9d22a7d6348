// Dates and times in the PARK's time zone, whatever the browser's: the park file names it
// (GET …/info time_zone) and App sets it before any page renders. Periods are spelled as the API
// spells them (2026-10, 2026-10-05).

export const DEFAULT_ZONE = 'Asia/Shanghai';
let parkZone = DEFAULT_ZONE;

/** The zone every date and time of the UI is shown in; an unknown zone is refused, the last good one kept. */
export function setParkZone(zone) {
  if (zone && isZone(zone)) parkZone = zone;
  return parkZone;
}

export function getParkZone() {
  return parkZone;
}

export function isZone(zone) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function pad(n) {
  return String(n).padStart(2, '0');
}

const partFormats = new Map();

/** Year, month (1-12), day, hour, minute, second of an instant on the wall clock of `zone`. */
export function wallClock(at, zone = parkZone) {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partFormats.set(zone, format);
  }
  const parts = {};
  for (const p of format.formatToParts(toMs(at))) parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

function toMs(at) {
  if (at instanceof Date) return at.getTime();
  return typeof at === 'number' ? at : Date.parse(at);
}

/** The park's calendar day of an instant: "2026-12-07". */
export function dayId(at = new Date(), zone = parkZone) {
  const w = wallClock(at, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function monthId(at = new Date(), zone = parkZone) {
  const w = wallClock(at, zone);
  return `${w.year}-${pad(w.month)}`;
}

/** How far `zone`'s wall clock is ahead of UTC at an instant, ms (+8 h for Shanghai). */
export function zoneOffsetMs(at, zone = parkZone) {
  const ms = toMs(at);
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant `zone`'s wall clock shows the given local time (the earlier one when a clock change repeats it). */
export function zonedInstant(year, month, day, hour = 0, minute = 0, zone = parkZone) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - zoneOffsetMs(wall, zone);
  guess = wall - zoneOffsetMs(guess, zone); // once more across a clock change
  return guess;
}

/** When a park day ("2026-12-07") begins, epoch ms. */
export function startOfDay(day, zone = parkZone) {
  const [y, m, d] = day.split('-').map(Number);
  return zonedInstant(y, m, d, 0, 0, zone);
}

/** The day after a day id. */
export function nextDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function previousDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The last complete month of the park: the default period, since the running month has no output report yet. */
export function previousMonth(now = new Date(), zone = parkZone) {
  const w = wallClock(now, zone);
  return monthIdOf(w.year, w.month - 1);
}

function monthIdOf(year, month) {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The n months ending with `last` (YYYY-MM), oldest first. */
export function monthsEnding(last, n) {
  const [year, month] = last.split('-').map(Number);
  const months = [];
  for (let i = n - 1; i >= 0; i--) months.push(monthIdOf(year, month - i));
  return months;
}

export function isMonthId(text) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text || '');
}

const LOCALES = { zh: 'zh-CN', en: 'en-GB' };

/** "14:05" (with seconds: "14:05:09") on the park's clock. */
export function formatClock(at, lang = 'zh', { seconds = false, zone = parkZone } = {}) {
  const w = wallClock(at, zone);
  return `${pad(w.hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
}

/** "2026-12-07 14:05" on the park's clock; the same in both languages, as the API spells dates. */
export function formatParkDateTime(at, { seconds = false, zone = parkZone } = {}) {
  return `${dayId(at, zone)} ${formatClock(at, 'zh', { seconds, zone })}`;
}

/** "14:05" today, else "12-06 14:05" (another year: "2025-12-06 14:05"), on the park's clock. */
export function formatMoment(at, now = Date.now(), zone = parkZone) {
  const day = dayId(at, zone);
  const time = formatClock(at, 'zh', { zone });
  if (day === dayId(now, zone)) return time;
  return day.slice(0, 4) === dayId(now, zone).slice(0, 4) ? `${day.slice(5)} ${time}` : `${day} ${time}`;
}

/** The zone as people call it, with its id: "中国标准时间 (Asia/Shanghai)", "China Standard Time (Asia/Shanghai)". */
export function zoneLabel(zone = parkZone, lang = 'zh', at = Date.now()) {
  try {
    const parts = new Intl.DateTimeFormat(LOCALES[lang] || LOCALES.zh, { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value;
    return name && name !== zone ? `${name} (${zone})` : zone;
  } catch {
    return zone;
  }
}
