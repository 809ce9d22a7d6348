// Pure helpers of the targets and carbon pages (issue 19): verdicts, progress-bar widths, the forecast band,
// contributor order and month series. No DOM, no fetch: the pages draw what these return.
import { wallClock } from './dates.js';
import { describeState } from './dataState.js';
import { MISSING, formatQuantity } from './format.js';
import { t, tOr } from './i18n.js';

export const VERDICTS = ['on_track', 'at_risk', 'off_track', 'unknown'];
export const QUANTITIES = ['energy', 'co2'];
export const INTENSITIES = ['energy_per_value_added', 'co2_per_value_added'];
export const GRID_SCOPES = ['national', 'regional', 'provincial', 'national_excluding_market_non_fossil', 'national_fossil'];
export const GRID_AREAS = ['north_china', 'northeast', 'east_china', 'central_china', 'northwest', 'south', 'southwest'];
export const GREEN_RULES = ['not_deducted', 'contracts', 'contracts_and_certificates'];
export const FORECAST_METHODS = ['seasonal_ratio', 'run_rate', 'none'];
/** Carriers a CO₂ breakdown may name, in the order the stacked chart draws them. */
export const CO2_CARRIERS = ['electricity', 'natural_gas', 'steam', 'heat', 'raw_coal', 'coke', 'diesel', 'gasoline', 'fuel_oil', 'lpg'];

/** The units the API gives these figures in, when an answer leaves a unit out. */
export const UNITS = {
  energy: 'tce', co2: 't', energy_per_value_added: 'tce/10^4 CNY', co2_per_value_added: 'tCO2/10^4 CNY',
};

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** A data state as the UI's other pages read it ({state, reasons}); spec §4 spells the level `kind`. */
export function normalizeState(ds) {
  if (!ds || typeof ds !== 'object') return null;
  return { state: ds.state ?? ds.kind ?? 'complete', reasons: Array.isArray(ds.reasons) ? ds.reasons : [] };
}

/** The current year on the park's calendar: the targets page's default. */
export function parkYear(now = Date.now(), zone) {
  return wallClock(now, zone).year;
}

/** The years the picker offers: the plan's years and the last five up to this year, newest first. */
export function yearChoices(current, targets) {
  const years = new Set();
  for (let y = current - 4; y <= current; y++) years.add(y);
  if (isNumber(targets?.base_year) && isNumber(targets?.final_year)) {
    for (let y = targets.base_year + 1; y <= Math.min(targets.final_year, current); y++) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

/** A verdict id; anything the API did not judge, or judged on insufficient data, is unknown. */
export function verdictOf(item) {
  const verdict = item?.verdict;
  if (!VERDICTS.includes(verdict)) return 'unknown';
  return normalizeState(item.data_state)?.state === 'insufficient' ? 'unknown' : verdict;
}

/** The verdict in words; an unknown one says what is missing ("无法判断：缺 2026-11 产值报表"). */
export function verdictText(item) {
  const verdict = verdictOf(item);
  const label = t(`verdict.${verdict}`);
  if (verdict !== 'unknown') return label;
  const why = describeState(normalizeState(item?.data_state));
  if (why) return t('verdict.unknownBecause', { why });
  return item ? t('verdict.unknownNoReason') : label;
}

/** A share of a whole as a bar width in percent, 0 – 100; null when either is missing or the whole is not positive. */
export function barPercent(value, whole) {
  if (!isNumber(value) || !isNumber(whole) || whole <= 0) return null;
  return Math.max(0, Math.min(100, (value / whole) * 100));
}

/** value ÷ whole as a ratio (1.04 = 4 % over), null when it cannot be said. */
export function ratio(value, whole) {
  if (!isNumber(value) || !isNumber(whole) || whole <= 0) return null;
  return value / whole;
}

/**
 * The two progress bars of a quantity (energy or CO₂): year to date against the budget's year-to-date profile,
 * and year to date against the full-year budget (with the profile's mark on it). Bars are null without a budget.
 */
export function progressBars(q) {
  const ytd = q?.ytd;
  return {
    ytdVsProfile: isNumber(q?.budget_ytd) ? {
      value: ytd, of: q.budget_ytd, percent: barPercent(ytd, q.budget_ytd), ratio: ratio(ytd, q.budget_ytd),
      over: isNumber(ytd) && ytd > q.budget_ytd,
    } : null,
    ytdVsBudget: isNumber(q?.budget) ? {
      value: ytd, of: q.budget, percent: barPercent(ytd, q.budget), ratio: ratio(ytd, q.budget),
      mark: barPercent(q.budget_ytd, q.budget), over: isNumber(ytd) && ytd > q.budget,
    } : null,
  };
}

/** Whether a quantity has any budget to be measured against. */
export const hasBudget = (q) => isNumber(q?.budget) || isNumber(q?.budget_ytd);

/**
 * Where the forecast band sits on a scale zoomed onto the band and the budget (percent of the scale), for drawing:
 * the scale runs from half the span below the lower of low and budget to half the span above the higher of high and
 * budget, so a band of a few percent is still seen against the budget. Null without a forecast value.
 */
export function bandGeometry(forecast, budget) {
  if (!isNumber(forecast?.value)) return null;
  const low = isNumber(forecast.low) ? Math.min(forecast.low, forecast.value) : forecast.value;
  const high = isNumber(forecast.high) ? Math.max(forecast.high, forecast.value) : forecast.value;
  const withBudget = isNumber(budget) ? [low, high, budget] : [low, high];
  const lo = Math.min(...withBudget);
  const hi = Math.max(...withBudget);
  const span = hi - lo || Math.abs(forecast.value) * 0.1 || 1;
  const from = lo - span / 2;
  const to = hi + span / 2;
  const at = (v) => ((v - from) / (to - from)) * 100;
  return {
    from, to, low: at(low), high: at(high), value: at(forecast.value), budget: isNumber(budget) ? at(budget) : null,
    overBudget: isNumber(budget) && forecast.value > budget,
    bandOverBudget: isNumber(budget) && high > budget,
  };
}

/** "53,100 t (band 51,800 – 54,400 t)": the forecast and its uncertainty band with their unit. */
export function bandText(forecast, unit, lang) {
  if (!isNumber(forecast?.value)) return MISSING;
  const value = formatQuantity(forecast.value, unit, lang);
  if (!isNumber(forecast.low) || !isNumber(forecast.high)) return value;
  return t('carbon.band', {
    value, low: formatQuantity(forecast.low, unit, lang), high: formatQuantity(forecast.high, unit, lang),
  });
}

/** The forecast's method in words (seasonal ratio, run rate); the API's id when it is new. */
export function methodText(method) {
  return method ? tOr(`forecast.method.${method}`, method) : '';
}

/**
 * Contributors to a gap, largest share first (those that pull the park back, negative shares, last); equal
 * shares by the larger gap, then by id so the order is stable.
 */
export function orderContributors(list) {
  const share = (c) => (isNumber(c?.share) ? c.share : -Infinity);
  return (Array.isArray(list) ? list : []).filter(Boolean).slice().sort((a, b) => share(b) - share(a)
    || (isNumber(b.gap) ? b.gap : -Infinity) - (isNumber(a.gap) ? a.gap : -Infinity)
    || String(a.enterprise).localeCompare(String(b.enterprise)));
}

/** The twelve month ids of a year. */
export function yearMonths(year) {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The month chart's series for a quantity ('energy' or 'co2'): twelve months of the year, cumulative actual
 * through the last month the API has, the cumulative budget profile wherever the API gives it, and the forecast
 * path from the last actual month to December with its band (low, high) widening from that month on.
 */
export function monthSeries(months, quantity, year, forecast) {
  const field = quantity === 'energy' ? 'energy_tce' : 'co2_t';
  const ids = yearMonths(year);
  const byMonth = new Map((Array.isArray(months) ? months : []).map((m) => [m.month, m]));
  let running = 0;
  let broken = false;
  const actual = ids.map((id) => {
    const m = byMonth.get(id);
    if (!m) return null;
    const given = m[`cumulative_${field}`];
    if (isNumber(given)) { running = given; return given; }
    if (broken || !isNumber(m[field])) { broken = true; return null; }
    running += m[field];
    return running;
  });
  const budget = ids.map((id) => {
    const v = byMonth.get(id)?.[`budget_cumulative_${field}`];
    return isNumber(v) ? v : null;
  });
  const lastIndex = actual.reduce((last, v, i) => (v !== null ? i : last), -1);
  const states = ids.map((id) => normalizeState(byMonth.get(id)?.data_state)?.state ?? null);
  const path = { value: ids.map(() => null), low: ids.map(() => null), spread: ids.map(() => null) };
  if (lastIndex >= 0 && lastIndex < 11 && isNumber(forecast?.value)) {
    const start = actual[lastIndex];
    const steps = 11 - lastIndex;
    const low = isNumber(forecast.low) ? forecast.low : forecast.value;
    const high = isNumber(forecast.high) ? forecast.high : forecast.value;
    for (let i = lastIndex; i < 12; i++) {
      const f = (i - lastIndex) / steps;
      path.value[i] = start + (forecast.value - start) * f;
      path.low[i] = start + (low - start) * f;
      path.spread[i] = (high - low) * f;
    }
  }
  return { months: ids, actual, budget, states, lastIndex, forecast: path };
}

/** CO₂ by month stacked by carrier: the carriers present in any month (known ones first), and each one's values. */
export function carrierSeries(months) {
  const list = Array.isArray(months) ? months : [];
  const present = new Set();
  list.forEach((m) => Object.entries(m?.co2_by_carrier || {}).forEach(([c, v]) => { if (isNumber(v)) present.add(c); }));
  const carriers = [...CO2_CARRIERS.filter((c) => present.has(c)), ...[...present].filter((c) => !CO2_CARRIERS.includes(c)).sort()];
  return {
    months: list.map((m) => m.month),
    carriers,
    values: Object.fromEntries(carriers.map((c) => [c, list.map((m) => (isNumber(m?.co2_by_carrier?.[c]) ? m.co2_by_carrier[c] : null))])),
  };
}

/** The grid factor's scope and area in words: "华东电网（区域）", "全国平均"; the ids when new. */
export function gridFactorName(grid) {
  if (!grid) return '';
  const scope = tOr(`grid.scope.${grid.scope}`, grid.scope || '');
  if (!grid.area) return scope;
  const area = tOr(`grid.area.${grid.area}`, tOr(`province.${grid.area}`, grid.area));
  return t('grid.scopeArea', { scope, area });
}

/** Whether the grid factor shown is from an earlier year than the year on screen. */
export function factorFromEarlierYear(grid, year) {
  if (!grid) return false;
  if (grid.from_earlier_year === true) return true;
  const used = Number(grid.year_used);
  const shown = Number(grid.year ?? year);
  return Number.isFinite(used) && Number.isFinite(shown) && used < shown;
}

/** Two-high reasons in words; a reason is a message {code, args, text} or, from an older API, a plain text. */
export function twoHighReasons(reasons) {
  return (Array.isArray(reasons) ? reasons : []).map((r) => {
    if (typeof r === 'string') return tOr(`twoHigh.reason.${r}`, r);
    return tOr(`twoHigh.reason.${r?.code}`, r?.text || r?.code || '', r?.args || {});
  }).filter(Boolean);
}

/** Whether the park has anything to track: a milestone or a budget for either quantity. */
export function hasAnyTarget(answer) {
  const milestone = answer?.targets?.milestone;
  const hasMilestone = INTENSITIES.some((i) => isNumber(milestone?.[i]));
  const progress = answer?.park_progress;
  return hasMilestone || QUANTITIES.some((q) => hasBudget(progress?.[q]));
}

/** Green electricity of the months so far: declared and applied (deducted under the rule), kWh; null when none declared. */
export function greenTotals(months) {
  let declared = null;
  let applied = null;
  (Array.isArray(months) ? months : []).forEach((m) => {
    if (isNumber(m?.green_kwh_declared)) declared = (declared ?? 0) + m.green_kwh_declared;
    if (isNumber(m?.green_kwh_applied)) applied = (applied ?? 0) + m.green_kwh_applied;
  });
  return { declared, applied };
}

/**
 * An enterprise's anonymous position among its industry peers, from a benchmark-shaped figure
 * ({value, unit, peers: {industry, count, frontrunner, median}, standing: {rank, percentile}}; flat fields accepted).
 * Null when there is no peer group.
 */
export function peerPosition(figure) {
  if (!figure) return null;
  const peers = figure.peers || figure;
  const standing = figure.standing || figure;
  const count = peers.count ?? figure.peer_count;
  if (!isNumber(count) || count < 1) return null;
  return {
    value: figure.value ?? null,
    unit: figure.unit || UNITS.co2_per_value_added,
    industry: peers.industry ?? figure.industry ?? '',
    count,
    rank: isNumber(standing.rank) ? standing.rank : null,
    percentile: isNumber(standing.percentile) ? standing.percentile : null,
    median: isNumber(peers.median) ? peers.median : null,
    frontrunner: isNumber(peers.frontrunner) ? peers.frontrunner : null,
    // where the enterprise sits between the frontrunner (0 %) and the last of the group (100 %), for the marker
    place: isNumber(standing.rank) && count > 1 ? ((standing.rank - 1) / (count - 1)) * 100 : isNumber(standing.rank) ? 0 : null,
  };
}
