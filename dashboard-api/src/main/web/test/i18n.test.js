import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALARM_KINDS } from '../src/alarms.js';
import { EQUIPMENT_STATES } from '../src/equipment.js';
import {
  CO2_CARRIERS, FORECAST_METHODS, GREEN_RULES, GRID_AREAS, GRID_SCOPES, QUANTITIES, VERDICTS,
} from '../src/carbon.js';
import { INDICATORS, QUADRANTS } from '../src/indicators.js';

function memoryStorage() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
}

async function freshI18n(saved) {
  vi.resetModules();
  const storage = memoryStorage();
  if (saved) storage.setItem('parkpulse.lang', saved);
  vi.stubGlobal('localStorage', storage);
  return { i18n: await import('../src/i18n.js'), storage };
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(js|jsx)$/.test(name) ? [path] : [];
  });
}

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  let DICTIONARY;
  beforeEach(async () => { ({ DICTIONARY } = (await freshI18n()).i18n); });
  afterEach(() => vi.unstubAllGlobals());

  it('has every key in both languages, none empty, with the same placeholders', () => {
    const zh = Object.keys(DICTIONARY.zh).sort();
    const en = Object.keys(DICTIONARY.en).sort();
    expect(en).toEqual(zh);
    for (const key of zh) {
      expect(DICTIONARY.zh[key].trim(), `zh ${key}`).not.toBe('');
      expect(DICTIONARY.en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(DICTIONARY.en[key]), key).toEqual(placeholders(DICTIONARY.zh[key]));
    }
  });

  it('holds every key the source asks for literally', () => {
    const src = join(import.meta.dirname, '..', 'src');
    const used = new Set();
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !(k in DICTIONARY.zh));
    expect(missing).toEqual([]);
  });

  it('holds the keys built from API values and UI states', () => {
    const built = [
      ...INDICATORS.map((i) => `ind.${i}`),
      ...QUADRANTS.map((q) => `quadrant.${q}`),
      ...['connecting', 'live', 'retrying', 'closed'].map((s) => `live.status.${s}`),
      ...['load', 'enterprises', 'water', 'equipment', 'gateways', 'alarms'].map((p) => `live.panel.${p}`),
      ...[...EQUIPMENT_STATES, 'unknown'].map((s) => `equipment.state.${s}`),
      ...['power_kw', 'energy_kwh', 'volume_m3'].map((q) => `series.${q}`),
      ...['day', 'week', 'month'].map((r) => `series.range.${r}`),
      ...['raised', 'acknowledged', 'cleared'].map((s) => `alarm.state.${s}`),
      ...ALARM_KINDS.map((k) => `alarm.kind.${k}`),
      ...['advanced', 'entry', 'limit', 'above_limit'].map((g) => `grade.${g}`),
      ...['low', 'typical', 'high'].map((l) => `level.${l}`),
      'direction.higher_is_better', 'direction.lower_is_better',
      ...VERDICTS.map((v) => `verdict.${v}`),
      ...QUANTITIES.map((q) => `carbon.quantity.${q}`),
      ...GRID_SCOPES.map((s) => `grid.scope.${s}`),
      ...GRID_AREAS.map((a) => `grid.area.${a}`),
      ...GREEN_RULES.map((r) => `green.rule.${r}`),
      ...FORECAST_METHODS.map((m) => `forecast.method.${m}`),
      ...CO2_CARRIERS.map((c) => `state.carrier.${c}`),
      ...['complete', 'partial', 'insufficient'].map((s) => `state.${s}`),
    ];
    expect(built.filter((k) => !(k in DICTIONARY.zh) || !(k in DICTIONARY.en))).toEqual([]);
  });
});

describe('t and the language switch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('speaks Chinese by default', async () => {
    const { i18n } = await freshI18n();
    expect(i18n.getLang()).toBe('zh');
    expect(i18n.t('login.submit')).toBe('登录');
  });

  it('switches to English, keeps the choice and tells listeners', async () => {
    const { i18n, storage } = await freshI18n();
    const heard = [];
    i18n.onLanguageChange((l) => heard.push(l));
    i18n.setLang('en');
    expect(i18n.t('login.submit')).toBe('Log in');
    expect(storage.getItem('parkpulse.lang')).toBe('en');
    expect(heard).toEqual(['en']);
  });

  it('starts in the language saved earlier, and ignores a saved unknown one', async () => {
    expect((await freshI18n('en')).i18n.getLang()).toBe('en');
    expect((await freshI18n('fr')).i18n.getLang()).toBe('zh');
  });

  it('fills placeholders and leaves unknown ones visible', async () => {
    const { i18n } = await freshI18n();
    expect(i18n.t('login.tooMany', { seconds: 30 })).toBe('登录尝试过多，请 30 秒后再试');
    expect(i18n.t('live.at')).toBe('更新于 {time}');
  });

  it('shows a missing key as itself, and tOr falls back to the API text', async () => {
    const { i18n } = await freshI18n();
    expect(i18n.t('no.such.key')).toBe('no.such.key');
    expect(i18n.tOr('alarm.kind.brand_new_kind', 'brand_new_kind')).toBe('brand_new_kind');
    expect(i18n.tOr('ind.tax_per_mu', 'x')).toBe('亩均税收');
  });

  it('refuses a language it has no dictionary for', async () => {
    const { i18n } = await freshI18n();
    expect(() => i18n.setLang('fr')).toThrow(/unknown language "fr"/);
    expect(i18n.getLang()).toBe('zh');
  });
});
