import { describe, expect, it } from 'vitest';
import { normalizeAlarm, subjectNames } from '../src/alarms.js';
import { fileNameFrom, query } from '../src/api.js';
import { isMonthId, monthsEnding, previousMonth } from '../src/dates.js';
import { RANKABLE, STANDARD_WEIGHTS, pointsOpen, rankingChoices, scoringWeights } from '../src/indicators.js';
import { CURVE_SPACING_MS, extendCurve } from '../src/liveCurve.js';
import { parseHash } from '../src/router.js';
import { policyDraft, toYaml } from '../src/yaml.js';

describe('periods', () => {
  it('defaults to the last complete month, across a year end too', () => {
    expect(previousMonth(new Date(2026, 9, 5))).toBe('2026-09');
    expect(previousMonth(new Date(2026, 0, 15))).toBe('2025-12');
  });

  it('lists the months ending with a month, oldest first', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(isMonthId('2026-13')).toBe(false);
    expect(isMonthId('2026-10')).toBe(true);
  });
});

describe('query strings and file names', () => {
  it('leaves out empty parameters and escapes the rest', () => {
    expect(query({ period: '2026-10', enterprise: undefined, indicator: '' })).toBe('?period=2026-10');
    expect(query({ from: '2026-10-05T00:00:00Z' })).toBe('?from=2026-10-05T00%3A00%3A00Z');
    expect(query({})).toBe('');
  });

  it('takes the download name from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="demo-park-2026-10.xlsx"', 'x')).toBe('demo-park-2026-10.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E6%9C%88%E6%8A%A5.csv", 'x')).toBe('月报.csv');
    expect(fileNameFrom(null, 'fallback.csv')).toBe('fallback.csv');
  });
});

describe('hash routes', () => {
  it('splits path, segments and flags', () => {
    const route = parseHash('#/live?screen=big');
    expect(route.path).toBe('/live');
    expect(route.params.get('screen')).toBe('big');
    expect(parseHash('#/enterprise/ent%20a').segments).toEqual(['enterprise', 'ent a']);
    expect(parseHash('').path).toBe('/');
  });
});

describe('live load curve', () => {
  it('adds a live point every spacing and moves the newest one in between', () => {
    let curve = [[0, 100]];
    curve = extendCurve(curve, 60000, 110);
    curve = extendCurve(curve, 61000, 111);
    expect(curve).toEqual([[0, 100], [61000, 111]]);
    curve = extendCurve(curve, 60000 + CURVE_SPACING_MS, 120);
    expect(curve.map((p) => p[1])).toEqual([100, 111, 120]);
  });

  it('ignores points older than the curve and values that are not numbers', () => {
    const curve = [[5000, 1]];
    expect(extendCurve(curve, 4000, 2)).toBe(curve);
    expect(extendCurve(curve, 6000, null)).toBe(curve);
    expect(extendCurve(curve, NaN, 3)).toBe(curve);
  });
});

describe('ranking choices', () => {
  it('offer the carbon intensities but not the CO₂ volume', () => {
    expect(RANKABLE).toContain('co2_per_value_added');
    expect(RANKABLE).toContain('co2_per_output_value');
    expect(RANKABLE).not.toContain('co2');
  });

  it('add the carbon intensities to a policy\'s own list, once', () => {
    expect(rankingChoices(['tax_per_mu'])).toEqual(['tax_per_mu', 'co2_per_value_added', 'co2_per_output_value']);
    expect(rankingChoices(['co2_per_output_value'])).toEqual(['co2_per_output_value', 'co2_per_value_added']);
    expect(rankingChoices(undefined)).toEqual(RANKABLE);
  });
});

describe('what moves the class', () => {
  it('uses the policy weights, else the standard ones', () => {
    expect(scoringWeights(null)).toEqual(STANDARD_WEIGHTS);
    expect(scoringWeights({ scoring: { indicators: [{ indicator: 'tax_per_mu', weight: 60 }] } })).toEqual({ tax_per_mu: 60 });
  });

  it('orders indicators by the points still open', () => {
    const open = pointsOpen({ tax_per_mu: 10, value_added_per_mu: 20 }, { tax_per_mu: 40, value_added_per_mu: 20, rd_intensity: 10 });
    expect(open.map((o) => [o.indicator, o.open])).toEqual([['tax_per_mu', 30], ['rd_intensity', 10], ['value_added_per_mu', 0]]);
    expect(open[1].points).toBeNull();
  });
});

describe('policy as YAML for the what-if editor', () => {
  it('drafts from the policy answer in the park file\'s spelling', () => {
    const answer = {
      version: 'demo-2026.1',
      energy_basis: { id: 'equivalent', name: '当量值', coefficients: 'GB/T 2589-2020' },
      scoring: { method: 'ratio', min_max_floor: 0, indicators: [] },
    };
    expect(policyDraft(answer)).toEqual({ version: 'demo-2026.1', energy_basis: 'equivalent', scoring: { method: 'ratio', indicators: [] } });
    expect(policyDraft({ scoring: { method: 'min_max', min_max_floor: 20 } }).scoring.min_max_floor).toBe(20);
    expect(policyDraft({ energy_basis: 'equal_value' }).energy_basis).toBe('equal_value');
    expect(answer.energy_basis.id).toBe('equivalent');
  });

  it('writes nested maps, lists of maps and inline scalar lists', () => {
    const yaml = toYaml({
      version: 'huaian-2024-r2',
      equal_value: { 2025: 0.2955 },
      indicators: ['energy_per_output_value', 'tax_per_mu'],
      product_limits: { 熟料: 'gb16780-2007/clinker-comprehensive/4000tpd' },
      scoring: { method: 'ratio', indicators: [{ indicator: 'tax_per_mu', weight: 40, benchmark: { of_peers: 'mean', factor: 2 } }] },
      classes: { by: 'percentile', bands: [{ class: 'A', limit: 20 }] },
      scope: { ungraded_industries: [], min_land_mu: 0 },
      note: 'yes',
      steam: '1.0MPa',
    });
    expect(yaml).toBe([
      'version: huaian-2024-r2',
      'equal_value:',
      '  2025: 0.2955',
      'indicators: [energy_per_output_value, tax_per_mu]',
      'product_limits:',
      '  熟料: gb16780-2007/clinker-comprehensive/4000tpd',
      'scoring:',
      '  method: ratio',
      '  indicators:',
      '    - indicator: tax_per_mu',
      '      weight: 40',
      '      benchmark:',
      '        of_peers: mean',
      '        factor: 2',
      'classes:',
      '  by: percentile',
      '  bands:',
      '    - class: A',
      '      limit: 20',
      'scope:',
      '  ungraded_industries: []',
      '  min_land_mu: 0',
      'note: "yes"',
      'steam: "1.0MPa"',
      '',
    ].join('\n'));
  });
});

describe('alarms from the list and the live stream', () => {
  it('reads the flat shape', () => {
    const a = normalizeAlarm({ id: 'a1', rule: 'r', subject: 'gw-south', state: 'raised', value: 12, threshold: 10, since: 'x', message: 'm', acknowledged_by: null });
    expect(a).toMatchObject({ id: 'a1', subject: 'gw-south', state: 'raised', message: 'm', acknowledged_by: null });
  });

  it('reads the API shape, also wrapped as a live event', () => {
    const alarm = { id: 7, rule: 'south-offline', kind: 'gateway_offline', subject: { kind: 'gateway', id: 'gw-south' }, state: 'acknowledged',
      value: 12, threshold: 10, unit: 'min', detail: 'offline', acknowledged: { by: 'control-room', note: 'on it' } };
    const expected = { id: '7', kind: 'gateway_offline', subject: 'gw-south', state: 'acknowledged', unit: 'min', message: 'offline', acknowledged_by: 'control-room', note: 'on it' };
    expect(normalizeAlarm(alarm)).toMatchObject(expected);
    expect(normalizeAlarm({ event: 'acknowledged', at: 'x', alarm })).toMatchObject(expected);
  });

  it('ignores what is not an alarm', () => {
    expect(normalizeAlarm({})).toBeNull();
    expect(normalizeAlarm(null)).toBeNull();
  });
});

describe('API errors', () => {
  it('say what went wrong in the reader language when the API gives it', async () => {
    const { ApiError } = await import('../src/api.js');
    const { setLang } = await import('../src/i18n.js');
    setLang('zh');
    expect(new ApiError(401, { error: 'wrong user name or password', error_zh: '用户名或密码错误' }).message).toBe('用户名或密码错误');
    expect(new ApiError(400, { error: 'bad month', field: 'month' }).message).toBe('bad month (month)');
    setLang('en');
    expect(new ApiError(401, { error: 'wrong user name or password', error_zh: '用户名或密码错误' }).message).toBe('wrong user name or password');
  });
});

describe('subjectNames', () => {
  it('names the park, enterprises, meters, machines and gateways of alarm subjects, never an id', () => {
    const snapshot = {
      enterprises: [{ id: 'ent-a', name: '新源水泥有限公司', meters: [{ id: 'E-A', name: '总表' }, { id: 'E-B' }] }],
      equipment: [{ id: 'M-1', name: '回转窑' }],
      gateways: [{ id: 'gw-south', name: '南区网关' }],
    };
    const names = subjectNames(snapshot, 'demo-park', '江南示范智慧产业园');
    expect(names['demo-park']).toBe('江南示范智慧产业园');
    expect(names['ent-a']).toBe('新源水泥有限公司');
    expect(names['E-A']).toBe('总表');
    expect(names['M-1']).toBe('回转窑');
    expect(names['gw-south']).toBe('南区网关');
    expect(names).not.toHaveProperty('E-B');
    expect(subjectNames(null, 'demo-park', undefined)).toEqual({});
  });
});
