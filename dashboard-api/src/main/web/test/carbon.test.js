import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

async function withLanguage(lang) {
  vi.resetModules();
  const data = new Map([['parkpulse.lang', lang]]);
  vi.stubGlobal('localStorage', { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) });
  return import('../src/carbon.js');
}

const missingReport = {
  kind: 'insufficient',
  reasons: [{ code: 'no_output_report', args: { month: '2026-11' }, text: 'no output report for 2026-11' }],
};

describe('carbon helpers', () => {
  let c;
  beforeEach(async () => { c = await withLanguage('zh'); });
  afterEach(() => vi.unstubAllGlobals());

  describe('verdicts', () => {
    it('takes the API verdict when its data carries it', () => {
      expect(c.verdictOf({ verdict: 'at_risk', data_state: { state: 'partial', reasons: [] } })).toBe('at_risk');
      expect(c.verdictText({ verdict: 'off_track', data_state: { kind: 'complete', reasons: [] } })).toBe('偏离目标');
    });

    it('is unknown on insufficient data, on a missing or new verdict, and says what is missing', () => {
      expect(c.verdictOf({ verdict: 'on_track', data_state: missingReport })).toBe('unknown');
      expect(c.verdictOf({ verdict: 'something_new' })).toBe('unknown');
      expect(c.verdictOf(undefined)).toBe('unknown');
      expect(c.verdictText({ verdict: 'unknown', data_state: missingReport })).toBe('无法判断：缺 2026-11 产值报表');
      expect(c.verdictText({ verdict: 'unknown', data_state: { state: 'insufficient', reasons: [] } })).toBe('无法判断：未说明缺少哪些数据');
    });

    it('reads a data state spelled with state or kind', () => {
      expect(c.normalizeState({ kind: 'partial' })).toEqual({ state: 'partial', reasons: [] });
      expect(c.normalizeState({ state: 'insufficient', reasons: missingReport.reasons }).reasons).toHaveLength(1);
      expect(c.normalizeState(null)).toBeNull();
    });
  });

  describe('progress bars', () => {
    it('measures the year to date against the budget profile and the full-year budget', () => {
      const bars = c.progressBars({ ytd: 48000, budget_ytd: 47000, budget: 52000 });
      expect(bars.ytdVsProfile.percent).toBe(100); // over the profile: the bar is full and red
      expect(bars.ytdVsProfile.over).toBe(true);
      expect(bars.ytdVsProfile.ratio).toBeCloseTo(48000 / 47000, 10);
      expect(bars.ytdVsBudget.percent).toBeCloseTo((48000 / 52000) * 100, 10);
      expect(bars.ytdVsBudget.mark).toBeCloseTo((47000 / 52000) * 100, 10);
      expect(bars.ytdVsBudget.over).toBe(false);
    });

    it('draws no bar without a budget and never a width from a missing figure', () => {
      expect(c.progressBars({ ytd: 10 })).toEqual({ ytdVsProfile: null, ytdVsBudget: null });
      expect(c.barPercent(null, 100)).toBeNull();
      expect(c.barPercent(5, 0)).toBeNull();
      expect(c.barPercent(-5, 100)).toBe(0);
      expect(c.hasBudget({ budget: 0 })).toBe(true);
      expect(c.hasBudget({ budget: null, budget_ytd: undefined })).toBe(false);
    });

    it('knows when a park has nothing to track', () => {
      expect(c.hasAnyTarget({ targets: null, park_progress: { energy: { ytd: 5 }, co2: { ytd: 9 } } })).toBe(false);
      expect(c.hasAnyTarget({ targets: { milestone: { co2_per_value_added: 1.4 } } })).toBe(true);
      expect(c.hasAnyTarget({ park_progress: { co2: { budget: 118000 } } })).toBe(true);
    });
  });

  describe('forecast band', () => {
    const forecast = { value: 53100, low: 51800, high: 54400, method: 'seasonal_ratio' };

    it('says the forecast with its band and unit', () => {
      expect(c.bandText(forecast, 't', 'zh')).toBe('53,100 t（区间 51,800 t – 54,400 t）');
      expect(c.bandText({ value: 53100 }, 'tce', 'zh')).toBe('53,100 tce');
      expect(c.bandText(null, 't', 'zh')).toBe('—');
      expect(c.methodText('run_rate')).toContain('按本年速率外推');
      expect(c.methodText('brand_new')).toBe('brand_new');
    });

    it('places band, forecast and budget on one scale zoomed onto them', () => {
      const g = c.bandGeometry(forecast, 52000);
      // low 51,800 (below the budget 52,000) to high 54,400: span 2,600, scale 50,500 – 55,700
      expect(g.from).toBe(50500);
      expect(g.to).toBe(55700);
      expect(g.low).toBeCloseTo(25, 10);
      expect(g.value).toBeCloseTo(50, 10);
      expect(g.high).toBeCloseTo(75, 10);
      expect(g.budget).toBeCloseTo((1500 / 5200) * 100, 10);
      expect(g.overBudget).toBe(true);
      expect(g.bandOverBudget).toBe(true);
      const under = c.bandGeometry({ value: 100, low: 90, high: 110 }, 200); // scale 35 – 255
      expect(under).toMatchObject({ overBudget: false, bandOverBudget: false, from: 35, to: 255 });
      expect(under.high).toBeCloseTo((75 / 220) * 100, 10);
      expect(c.bandGeometry({ value: 100 })).toMatchObject({ low: 50, value: 50, high: 50, budget: null });
      expect(c.bandGeometry({ value: null }, 10)).toBeNull();
    });
  });

  describe('contributors', () => {
    it('puts the largest share of the gap first and the ones narrowing it last', () => {
      const ordered = c.orderContributors([
        { enterprise: 'E02', gap: -200, share: -0.18 },
        { enterprise: 'E07', gap: 800, share: 0.73 },
        { enterprise: 'E03', gap: 100, share: 0.09 },
        { enterprise: 'E05', gap: 400, share: 0.36 },
        { enterprise: 'E09', gap: null, share: null },
      ]);
      expect(ordered.map((e) => e.enterprise)).toEqual(['E07', 'E05', 'E03', 'E02', 'E09']);
    });

    it('orders equal shares by the larger gap, then by id, and leaves the input alone', () => {
      const input = [{ enterprise: 'B', gap: 1, share: 0.5 }, { enterprise: 'A', gap: 1, share: 0.5 }, { enterprise: 'C', gap: 2, share: 0.5 }];
      expect(c.orderContributors(input).map((e) => e.enterprise)).toEqual(['C', 'A', 'B']);
      expect(input[0].enterprise).toBe('B');
      expect(c.orderContributors(undefined)).toEqual([]);
    });
  });

  describe('month series', () => {
    const months = [
      { month: '2026-01', co2_t: 9800, cumulative_co2_t: 9800, budget_cumulative_co2_t: 9700 },
      { month: '2026-02', co2_t: 9000, cumulative_co2_t: 18800, budget_cumulative_co2_t: 19000 },
      { month: '2026-03', co2_t: 10000, budget_cumulative_co2_t: 29000 },
    ];

    it('runs over the twelve months of the year, actual through the last month given', () => {
      const s = c.monthSeries(months, 'co2', 2026, null);
      expect(s.months).toHaveLength(12);
      expect(s.months[0]).toBe('2026-01');
      expect(s.months[11]).toBe('2026-12');
      expect(s.actual.slice(0, 4)).toEqual([9800, 18800, 28800, null]); // March summed onto February when not given
      expect(s.budget.slice(0, 4)).toEqual([9700, 19000, 29000, null]);
      expect(s.lastIndex).toBe(2);
      expect(s.forecast.value.every((v) => v === null)).toBe(true);
    });

    it('draws the forecast from the last actual month to December, the band widening to its ends', () => {
      const s = c.monthSeries(months, 'co2', 2026, { value: 118800, low: 108800, high: 128800 });
      expect(s.forecast.value[1]).toBeNull();
      expect(s.forecast.value[2]).toBe(28800);
      expect(s.forecast.spread[2]).toBe(0);
      expect(s.forecast.value[11]).toBeCloseTo(118800, 6);
      expect(s.forecast.low[11]).toBeCloseTo(108800, 6);
      expect(s.forecast.low[11] + s.forecast.spread[11]).toBeCloseTo(128800, 6);
      expect(s.forecast.value[6]).toBeCloseTo(28800 + (90000 * 4) / 9, 6);
    });

    it('stops the actual line at a month without a figure rather than carrying a guess', () => {
      const s = c.monthSeries([{ month: '2026-01', energy_tce: 10 }, { month: '2026-02', energy_tce: null }, { month: '2026-03', energy_tce: 5 }], 'energy', 2026);
      expect(s.actual.slice(0, 3)).toEqual([10, null, null]);
    });

    it('stacks CO₂ by the carriers present, known ones in a fixed order', () => {
      const stacked = c.carrierSeries([
        { month: '2026-01', co2_by_carrier: { natural_gas: 300, electricity: 900 } },
        { month: '2026-02', co2_by_carrier: { electricity: 950, diesel: 20, hydrogen: 1 } },
      ]);
      expect(stacked.carriers).toEqual(['electricity', 'natural_gas', 'diesel', 'hydrogen']);
      expect(stacked.values.natural_gas).toEqual([300, null]);
      expect(stacked.values.electricity).toEqual([900, 950]);
    });

    it('adds up declared and applied green electricity', () => {
      expect(c.greenTotals([{ green_kwh_declared: 150000, green_kwh_applied: 150000 }, { green_kwh_declared: 20000, green_kwh_applied: 0 }]))
        .toEqual({ declared: 170000, applied: 150000 });
      expect(c.greenTotals([{ month: '2026-01' }])).toEqual({ declared: null, applied: null });
    });
  });

  describe('years, peers, basis and two-high', () => {
    it('takes the year on the park\'s calendar, not the browser\'s', () => {
      const newYearShanghai = Date.UTC(2026, 11, 31, 17, 0); // 2027-01-01 01:00 in Shanghai
      expect(c.parkYear(newYearShanghai, 'Asia/Shanghai')).toBe(2027);
      expect(c.parkYear(newYearShanghai, 'America/New_York')).toBe(2026);
      expect(c.yearChoices(2026, { base_year: 2020, final_year: 2030 })).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    });

    it('reads the anonymous peer position from a benchmark-shaped figure', () => {
      const p = c.peerPosition({ value: 1.62, unit: 'tCO2/10^4 CNY', peers: { industry: 'C30', count: 5, median: 1.4, frontrunner: 0.9 }, standing: { rank: 4, percentile: 25 } });
      expect(p).toMatchObject({ rank: 4, count: 5, median: 1.4, frontrunner: 0.9, industry: 'C30', place: 75 });
      expect(c.peerPosition({ value: 1, peers: { count: 0 } })).toBeNull();
      expect(c.peerPosition(null)).toBeNull();
    });

    it('names the grid factor and notices a factor from an earlier year', () => {
      expect(c.gridFactorName({ scope: 'regional', area: 'east_china' })).toBe('华东电网（区域电网）');
      expect(c.gridFactorName({ scope: 'national' })).toBe('全国平均');
      expect(c.factorFromEarlierYear({ year_used: 2023, year: 2026, from_earlier_year: true }, 2026)).toBe(true);
      expect(c.factorFromEarlierYear({ year_used: 2023 }, 2026)).toBe(true);
      expect(c.factorFromEarlierYear({ year_used: 2023, year: 2023, from_earlier_year: false }, 2023)).toBe(false);
      expect(c.factorFromEarlierYear(null, 2026)).toBe(false);
    });

    it('says the two-high reasons, with the API text for a reason it does not know', () => {
      expect(c.twoHighReasons([
        { code: 'industry', args: { industry: 'C3011' }, text: 'industry C3011 listed' },
        { code: 'new_rule', args: {}, text: 'a new rule' },
      ])).toEqual(['行业 C3011 属两高行业', 'a new rule']);
      expect(c.twoHighReasons(undefined)).toEqual([]);
    });
  });
});

describe('carbon helpers in English', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('speaks English', async () => {
    const c = await withLanguage('en');
    expect(c.verdictText({ verdict: 'unknown', data_state: missingReport })).toBe('unknown: no output report for 2026-11');
    expect(c.bandText({ value: 53100, low: 51800, high: 54400 }, 't', 'en')).toBe('53,100 t (band 51,800 t – 54,400 t)');
    expect(c.gridFactorName({ scope: 'regional', area: 'east_china' })).toBe('East China grid (regional grid)');
  });
});
