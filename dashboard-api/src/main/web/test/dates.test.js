import { describe, expect, it, vi } from 'vitest';
import { parkTimeAxis, ticksBetween } from '../src/chartTime.js';
import {
  dayId, formatClock, formatMoment, formatParkDateTime, monthId, nextDay, previousDay, previousMonth, setParkZone,
  startOfDay, zoneLabel, zoneOffsetMs,
} from '../src/dates.js';

// 2026-12-06 17:30 UTC: already 12-07 01:30 in Shanghai, still 12-06 12:30 in New York
const LATE_UTC = Date.parse('2026-12-06T17:30:00Z');

describe('the park\'s calendar, whatever the browser\'s zone', () => {
  it('names the park\'s day and month of an instant', () => {
    expect(dayId(LATE_UTC, 'Asia/Shanghai')).toBe('2026-12-07');
    expect(dayId(LATE_UTC, 'UTC')).toBe('2026-12-06');
    expect(dayId(LATE_UTC, 'America/New_York')).toBe('2026-12-06');
    expect(monthId(Date.parse('2026-11-30T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
  });

  it('finds the park\'s midnight, across clock changes too', () => {
    expect(startOfDay('2026-12-07', 'Asia/Shanghai')).toBe(Date.parse('2026-12-06T16:00:00Z'));
    expect(startOfDay('2026-12-07', 'UTC')).toBe(Date.parse('2026-12-07T00:00:00Z'));
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe(Date.parse('2026-03-08T05:00:00Z')); // EST, DST at 02:00
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe(Date.parse('2026-03-09T04:00:00Z')); // EDT
    expect(startOfDay('2026-11-01', 'America/New_York')).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect(zoneOffsetMs(LATE_UTC, 'Asia/Shanghai')).toBe(8 * 3600000);
  });

  it('steps days across months and years', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });

  it('takes the last complete month on the park\'s calendar', () => {
    // 1 December 01:00 in Shanghai, still 30 November in UTC and New York
    const at = Date.parse('2026-11-30T17:00:00Z');
    expect(previousMonth(at, 'Asia/Shanghai')).toBe('2026-11');
    expect(previousMonth(at, 'UTC')).toBe('2026-10');
    expect(previousMonth(Date.parse('2027-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
  });

  it('shows times on the park\'s clock', () => {
    expect(formatClock(LATE_UTC, 'zh', { zone: 'Asia/Shanghai' })).toBe('01:30');
    expect(formatClock(LATE_UTC, 'en', { zone: 'America/New_York', seconds: true })).toBe('12:30:00');
    expect(formatParkDateTime(LATE_UTC, { zone: 'Asia/Shanghai' })).toBe('2026-12-07 01:30');
    expect(formatMoment(LATE_UTC, LATE_UTC + 60000, 'Asia/Shanghai')).toBe('01:30');
    expect(formatMoment(LATE_UTC - 86400000, LATE_UTC, 'Asia/Shanghai')).toBe('12-06 01:30');
    expect(formatMoment(LATE_UTC - 400 * 86400000, LATE_UTC, 'Asia/Shanghai')).toBe('2025-11-02 01:30');
  });

  it('uses the zone set for the park by default, and keeps it against an unknown one', () => {
    setParkZone('America/New_York');
    expect(dayId(LATE_UTC)).toBe('2026-12-06');
    setParkZone('Not/A_Zone');
    expect(dayId(LATE_UTC)).toBe('2026-12-06');
    setParkZone('Asia/Shanghai');
    expect(dayId(LATE_UTC)).toBe('2026-12-07');
  });

  it('names the zone in the reader\'s language with its id', () => {
    expect(zoneLabel('Asia/Shanghai', 'zh')).toMatch(/中国.*\(Asia\/Shanghai\)/);
    expect(zoneLabel('Asia/Shanghai', 'en')).toBe('China Standard Time (Asia/Shanghai)');
  });
});

describe('time axes on the park\'s clock', () => {
  it('ticks every three hours from the park\'s midnight and labels them in park time', () => {
    setParkZone('Asia/Shanghai');
    const start = startOfDay('2026-12-07');
    const ticks = ticksBetween(start, startOfDay('2026-12-08'), 3);
    expect(ticks).toHaveLength(9);
    const axis = parkTimeAxis({ min: start, max: start + 86400000, ticks });
    expect(ticks.map(axis.axisLabel.formatter)).toEqual(
      ['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', '00:00']);
    expect(parkTimeAxis({ spanMs: 7 * 86400000 }).axisLabel.formatter(LATE_UTC)).toBe('12-07');
  });
});

describe('ages of live figures', () => {
  it('says how old a figure is, and since when one is missing', async () => {
    const data = new Map();
    vi.stubGlobal('localStorage', { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: () => {} });
    vi.resetModules();
    const { setLang } = await import('../src/i18n.js');
    const { setParkZone: zone } = await import('../src/dates.js');
    const { ageText, staleText } = await import('../src/freshness.js');
    zone('Asia/Shanghai');
    setLang('en');
    expect(ageText(LATE_UTC - 3000, LATE_UTC)).toBe('3 s ago');
    expect(ageText(LATE_UTC - 12 * 60000, LATE_UTC)).toBe('12 min ago');
    expect(ageText(LATE_UTC - 3 * 3600000, LATE_UTC)).toBe('as of 12-06 22:30');
    expect(staleText(LATE_UTC - 3 * 3600000, LATE_UTC)).toBe('no data since 12-06 22:30');
    expect(staleText(null, LATE_UTC)).toBe('no data yet');
    setLang('zh');
    expect(ageText(LATE_UTC - 3000, LATE_UTC)).toBe('3 秒前');
    expect(staleText(LATE_UTC - 3 * 3600000, LATE_UTC)).toBe('无数据，自 12-06 22:30 起');
    vi.unstubAllGlobals();
  });
});

describe('today\'s curve from GET …/load', () => {
  it('ends at its last known value, so live rollups extend it', async () => {
    const { extendCurve, withoutTrailingGaps } = await import('../src/liveCurve.js');
    const day = [[0, 1], [900000, 2], [1800000, null], [2700000, null]];
    const known = withoutTrailingGaps(day);
    expect(known).toEqual([[0, 1], [900000, 2]]);
    expect(extendCurve(known, 1000000, 5)).toEqual([[0, 1], [900000, 2], [1000000, 5]]);
    expect(withoutTrailingGaps([[0, null]])).toEqual([]);
  });
});

describe('ticks of a series chart', () => {
  it('counts from the park\'s midnight, whatever the range\'s start', async () => {
    const { parkTicks } = await import('../src/chartTime.js');
    setParkZone('Asia/Shanghai');
    const from = Date.parse('2026-12-06T17:10:00Z'); // 01:10 on 12-07 in Shanghai
    const ticks = parkTicks(from, from + 86400000, 3);
    expect(ticks[0]).toBe(Date.parse('2026-12-06T19:00:00Z')); // 03:00 Shanghai
    expect(ticks.map((x) => formatClock(x)).slice(0, 3)).toEqual(['03:00', '06:00', '09:00']);
    expect(parkTicks(undefined, from, 3)).toBeUndefined();
  });
});
