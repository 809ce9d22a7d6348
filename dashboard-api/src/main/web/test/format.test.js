import { describe, expect, it } from 'vitest';
import {
  MISSING, autoDigits, formatElapsed, formatFlow, formatNumber, formatPercent, formatPercentPoints, formatPower,
  formatQuantity, formatTime, unitLabel,
} from '../src/format.js';

describe('carbon units', () => {
  it('print CO₂ with its subscript in both languages', () => {
    expect(unitLabel('tCO2', 'zh')).toBe('tCO₂');
    expect(unitLabel('tCO2/10^4 CNY', 'zh')).toBe('tCO₂/万元');
    expect(unitLabel('tCO2/10^4 CNY', 'en')).toBe('tCO₂/10k CNY');
    expect(formatQuantity(1.4523, 'tCO2/10^4 CNY', 'zh')).toBe('1.45 tCO₂/万元');
  });
});

describe('numbers', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(1234567.891, 'en', 1)).toBe('1,234,567.9');
    expect(formatNumber(1234567.891, 'zh', 2)).toBe('1,234,567.89');
    expect(formatNumber(0, 'en', 0)).toBe('0');
  });

  it('shows a missing figure as a dash, never as 0', () => {
    for (const v of [null, undefined, NaN, Infinity, '12']) {
      expect(formatNumber(v)).toBe(MISSING);
      expect(formatPower(v)).toBe(MISSING);
      expect(formatQuantity(v, 'kW')).toBe(MISSING);
      expect(formatPercent(v)).toBe(MISSING);
    }
  });

  it('keeps about three significant figures for small values', () => {
    expect(autoDigits(12345)).toBe(0);
    expect(autoDigits(123.4)).toBe(1);
    expect(autoDigits(1.234)).toBe(2);
    expect(autoDigits(0.01234)).toBe(4);
    expect(autoDigits(0)).toBe(0);
    expect(formatQuantity(0.0421, 'tce/10^4 CNY', 'en')).toBe('0.0421 tce/10k CNY');
  });
});

describe('units', () => {
  it('spells API units for display', () => {
    expect(unitLabel('m3')).toBe('m³');
    expect(unitLabel('m3/h')).toBe('m³/h');
    expect(unitLabel('10^4 CNY', 'zh')).toBe('万元');
    expect(unitLabel('10^4 CNY', 'en')).toBe('10k CNY');
    expect(unitLabel('tce/10^4 CNY', 'zh')).toBe('tce/万元');
    expect(unitLabel('m3/10^4 CNY', 'en')).toBe('m³/10k CNY');
    expect(unitLabel('kgce/t')).toBe('kgce/t');
    expect(unitLabel(undefined)).toBe('');
  });

  it('puts the unit after the number', () => {
    expect(formatQuantity(1234.5, 'kWh', 'en')).toBe('1,235 kWh');
    expect(formatQuantity(12.5, 'tce', 'zh', 1)).toBe('12.5 tce');
    expect(formatQuantity(3, '', 'en')).toBe('3.00');
  });

  it('shows power in kW, and in MW from 10 000 kW', () => {
    expect(formatPower(856.24, 'en')).toBe('856.2 kW');
    expect(formatPower(9999.9, 'en')).toBe('9,999.9 kW');
    expect(formatPower(12345, 'zh')).toBe('12.35 MW');
    expect(formatPower(-20000, 'en')).toBe('-20.00 MW');
  });

  it('shows flow in m³/h', () => {
    expect(formatFlow(42.345, 'en')).toBe('42.3 m³/h');
  });
});

describe('percent and time', () => {
  it('formats ratios as percent, signed on request', () => {
    expect(formatPercent(0.153, 'en', { signed: true })).toBe('+15.3%');
    expect(formatPercent(-0.05, 'en', { signed: true })).toBe('-5.0%');
    expect(formatPercent(0.5, 'zh')).toBe('50.0%');
    expect(formatPercent(-0.0002, 'en')).toBe('0.0%');
    expect(formatPercent(-0.0002, 'en', { signed: true })).toBe('0.0%');
    expect(formatPercentPoints(12.345, 'en')).toBe('12.3%');
  });

  it('tells elapsed time coarsely', () => {
    const now = Date.parse('2026-10-05T12:00:00Z');
    expect(formatElapsed('2026-10-05T11:59:15Z', now, 'en')).toBe('45 s');
    expect(formatElapsed('2026-10-05T11:59:15Z', now, 'zh')).toBe('45 秒');
    expect(formatElapsed('2026-10-05T11:48:00Z', now, 'en')).toBe('12 min');
    expect(formatElapsed('2026-10-05T11:48:00Z', now, 'zh')).toBe('12 分钟');
    expect(formatElapsed('2026-10-05T09:00:00Z', now, 'en')).toBe('3 h');
    expect(formatElapsed(now - 2 * 86400000, now, 'en')).toBe('2 d');
    expect(formatElapsed('not a time', now)).toBe(MISSING);
  });

  it('formats a clock time from epoch ms or ISO, a dash otherwise', () => {
    expect(formatTime(Date.parse('2026-10-05T12:34:56Z'), 'en')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(formatTime('2026-10-05T12:34:56Z', 'zh')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(formatTime(undefined)).toBe(MISSING);
  });
});

describe('units in each language (resources/i18n/units.json)', () => {
  it('says money per person and per 10^4 kWh the Chinese way', () => {
    expect(unitLabel('10^4 CNY/person', 'zh')).toBe('万元/人');
    expect(unitLabel('10^4 CNY/person', 'en')).toBe('10k CNY/person');
    expect(unitLabel('10^4 CNY/10^4 kWh', 'zh')).toBe('万元/万kWh');
    expect(unitLabel('10^4 CNY/10^4 kWh', 'en')).toBe('10k CNY/10k kWh');
    expect(unitLabel('10^4 CNY/mu', 'zh')).toBe('万元/亩');
  });

  it('shows a ratio as a percent', () => {
    expect(formatQuantity(0.00516, '1', 'zh')).toBe('0.52%');
    expect(formatQuantity(0.00516, '1', 'en')).toBe('0.52%');
  });
});
