// Numbers always with their unit, grouped the reader's way; a missing figure is a dash, never 0.
// Times on the park's clock (dates.js), never the browser's.
import { formatParkDateTime, formatClock } from './dates.js';
import { getLang } from './i18n.js';

import UNIT_TABLE from '../../resources/i18n/units.json';

const LOCALES = { zh: 'zh-CN', en: 'en-US' };
export const MISSING = '—';

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatNumber(value, lang = 'zh', digits = 1) {
  if (!isNumber(value)) return MISSING;
  return new Intl.NumberFormat(LOCALES[lang] || LOCALES.zh, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Digits that keep about three significant figures for small values, none for big ones. */
export function autoDigits(value) {
  const magnitude = Math.abs(value);
  if (!isNumber(value) || magnitude >= 1000) return 0;
  if (magnitude >= 100) return 1;
  if (magnitude >= 1) return 2;
  if (magnitude === 0) return 0;
  return Math.min(6, 2 - Math.floor(Math.log10(magnitude)));
}

// The API's units as people read them, from the table the monthly report reads too
// (resources/i18n/units.json): 10^4 CNY/person → 万元/人, 10^4 CNY/10^4 kWh → 万元/万kWh, a ratio (1) → %.
const UNITS = UNIT_TABLE;

function unitPart(part, lang) {
  return (UNITS[lang] || UNITS.zh)[part] ?? part;
}

/** The API's unit spelled for display, looked up whole, else part by part between '/'. */
export function unitLabel(unit, lang = 'zh') {
  if (!unit) return '';
  const table = UNITS[lang] || UNITS.zh;
  if (table[unit] !== undefined) return table[unit];
  return unit.split('/').map((part) => unitPart(part, lang)).join('/');
}

/** Whether values of {@code unit} are ratios shown as percent (R&D intensity: 0.00516 → 0.52 %). */
export function isPercentUnit(unit) {
  return UNITS.percent.includes(unit);
}

/** A value in the unit it is shown in: ratios times 100. */
export function displayValue(value, unit) {
  return isNumber(value) && isPercentUnit(unit) ? value * 100 : value;
}

export function formatQuantity(value, unit, lang = 'zh', digits) {
  if (!isNumber(value)) return MISSING;
  const shown = displayValue(value, unit);
  const label = unitLabel(unit, lang);
  if (label === '%') return `${formatNumber(shown, lang, digits ?? 2)}%`;
  const text = formatNumber(shown, lang, digits ?? autoDigits(shown));
  return label ? `${text} ${label}` : text;
}

/** Power in kW, shown in MW from 10 000 kW on so a control-room number stays short. */
export function formatPower(kw, lang = 'zh') {
  if (!isNumber(kw)) return MISSING;
  if (Math.abs(kw) >= 10000) return `${formatNumber(kw / 1000, lang, 2)} MW`;
  return `${formatNumber(kw, lang, 1)} kW`;
}

export function formatFlow(m3h, lang = 'zh') {
  return formatQuantity(m3h, 'm3/h', lang, 1);
}

/** A ratio as percent: 0.153 → "+15.3%" (signed) or "15.3%". */
export function formatPercent(ratio, lang = 'zh', { signed = false, digits = 1 } = {}) {
  if (!isNumber(ratio)) return MISSING;
  // what rounds to zero is shown as zero, not "-0.0%" (a contributor's −0.02 % of a gap)
  const points = Number((ratio * 100).toFixed(digits)) === 0 ? 0 : ratio * 100;
  const text = formatNumber(points, lang, digits);
  return `${signed && points > 0 ? '+' : ''}${text}%`;
}

/** A percent that is already in percent points (gap_percent, percentile). */
export function formatPercentPoints(points, lang = 'zh', digits = 1) {
  if (!isNumber(points)) return MISSING;
  return `${formatNumber(points, lang, digits)}%`;
}

function toDate(at) {
  if (at instanceof Date) return at;
  if (isNumber(at)) return new Date(at);
  if (typeof at === 'string' && at) return new Date(at);
  return null;
}

/** "14:05:09" on the park's clock. */
export function formatTime(at, lang = 'zh') {
  const date = toDate(at);
  if (!date || Number.isNaN(date.getTime())) return MISSING;
  return formatClock(date, lang, { seconds: true });
}

/** "2026-12-07 14:05:09" on the park's clock. */
export function formatDateTime(at) {
  const date = toDate(at);
  if (!date || Number.isNaN(date.getTime())) return MISSING;
  return formatParkDateTime(date, { seconds: true });
}

/** How long since a moment, coarse: "45 s", "12 min", "3 h", "2 d" (units are the same in zh and en). */
const ELAPSED_UNITS = {
  zh: { s: ' 秒', min: ' 分钟', h: ' 小时', d: ' 天' },
  en: { s: ' s', min: ' min', h: ' h', d: ' d' },
};

/** How long ago {@code since} was, in the reader's words: "45 秒" / "45 s", "12 分钟" / "12 min", "3 小时", "2 天". */
export function formatElapsed(since, now = Date.now(), lang = getLang()) {
  const date = toDate(since);
  if (!date || Number.isNaN(date.getTime())) return MISSING;
  const unit = ELAPSED_UNITS[lang] || ELAPSED_UNITS.en;
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 60) return `${seconds}${unit.s}`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}${unit.min}`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}${unit.h}`;
  return `${Math.floor(seconds / 86400)}${unit.d}`;
}
