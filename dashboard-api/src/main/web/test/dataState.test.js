import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

async function withLanguage(lang) {
  vi.resetModules();
  const data = new Map([['parkpulse.lang', lang]]);
  vi.stubGlobal('localStorage', { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) });
  return import('../src/dataState.js');
}

const insufficient = {
  state: 'insufficient',
  reasons: [
    { code: 'no_output_report', args: { month: '2026-11' }, text: 'no output report for 2026-11' },
    { code: 'carrier_not_metered', args: { carrier: 'fuel' }, text: 'fuel not metered' },
  ],
};

describe('data state in the reader\'s language', () => {
  afterEach(() => vi.unstubAllGlobals());

  describe('in Chinese', () => {
    let ds;
    beforeEach(async () => { ds = await withLanguage('zh'); });

    it('says every reason with its values, the carrier translated', () => {
      expect(ds.describeState(insufficient)).toBe('缺 2026-11 产值报表；燃料未计量');
      expect(ds.stateSummary(insufficient)).toBe('数据不足: 缺 2026-11 产值报表；燃料未计量');
    });

    it('prefers the state to the API\'s English note, and notes partial data', () => {
      expect(ds.missingText({ missing: 'insufficient data: …', data_state: insufficient })).toContain('缺 2026-11 产值报表');
      expect(ds.missingText({ missing: 'no land of its own', data_state: { state: 'complete', reasons: [] } })).toBe('no land of its own');
      const partial = { state: 'partial', reasons: [{ code: 'partial_coverage', args: { carrier: 'electricity', coverage: '93.8' }, text: '' }] };
      expect(ds.partialNote({ data_state: partial })).toBe('数据不全: 电力数据覆盖统计期的 93.8%');
      expect(ds.isSufficient(partial)).toBe(true);
      expect(ds.isSufficient(insufficient)).toBe(false);
    });

    it('falls back to the engine\'s text for a reason it does not know', () => {
      expect(ds.describeReason({ code: 'something_new', args: {}, text: 'something new' })).toBe('something new');
    });
  });

  it('in English', async () => {
    const ds = await withLanguage('en');
    expect(ds.describeState(insufficient)).toBe('no output report for 2026-11; fuel not metered');
    const below = { code: 'coverage_below_threshold', args: { carrier: 'natural_gas', coverage: '41.7', threshold: '90' }, text: '' };
    expect(ds.describeReason(below)).toBe("natural gas known over 41.7 % of the period, under the policy's 90 %");
  });
});
