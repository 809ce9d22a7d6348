import { describe, expect, it, vi } from 'vitest';

async function withLanguage(lang) {
  vi.resetModules();
  const data = new Map([['parkpulse.lang', lang]]);
  vi.stubGlobal('localStorage', { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) });
  return import('../src/messages.js');
}

const outOfScope = { code: 'land_below_threshold', args: { land_mu: '0.0', threshold_mu: '3.0' }, text: 'land 0.0 mu is below the 3.0 mu threshold' };
const noEmissions = { code: 'not_reported', args: { quantity: 'emissions' }, text: 'no emissions reported' };
const noBase = { code: 'no_growth_base', args: { period: '2025-11' }, text: 'no positive energy and output value for 2025-11 to grow from' };
const growth = {
  code: 'growth_against',
  args: { month: '2026-10', year_earlier: '2025-10', energy: '+1.3', output: '-2.0', quadrant: 'diverging' },
  text: '2026-10 against 2025-10: energy +1.3 %, output value -2.0 % (diverging)',
};

describe('messages from codes and args', () => {
  it('says reasons in Chinese', async () => {
    const { describeMessage, describeAlarmDetail } = await withLanguage('zh');
    expect(describeMessage(outOfScope)).toBe('用地 0.0 亩，低于 3.0 亩的参评门槛');
    expect(describeMessage(noEmissions)).toBe('未报送排放量');
    expect(describeMessage(noBase)).toBe('2025-11 没有为正的能耗和产值可作同比基数');
    expect(describeAlarmDetail(growth)).toBe('2026-10 同比 2025-10：能耗 +1.3%，产值 -2.0%（背离）');
    expect(describeAlarmDetail({ code: 'offline', args: {}, text: 'offline' })).toBe('离线');
  });

  it('says them in English', async () => {
    const { describeMessage, describeAlarmDetail } = await withLanguage('en');
    expect(describeMessage(outOfScope)).toBe(outOfScope.text);
    expect(describeMessage(noEmissions)).toBe(noEmissions.text);
    expect(describeAlarmDetail(growth)).toBe('2026-10 against 2025-10: energy +1.3 %, output value -2.0 % (Diverging)');
  });

  it('says a message about another one', async () => {
    const { describeMessage } = await withLanguage('zh');
    expect(describeMessage({ code: 'benchmark_missing', args: { why: 'quantity_zero', quantity: 'output_value' }, text: 'x' }))
      .toBe('单位产值综合能耗：产值为零');
  });

  it('falls back to the English text for an unknown code, and to the plain text without a message', async () => {
    const { describeMessage } = await withLanguage('zh');
    expect(describeMessage({ code: 'brand_new', args: {}, text: 'brand new' })).toBe('brand new');
    expect(describeMessage(null, 'plain')).toBe('plain');
  });
});
