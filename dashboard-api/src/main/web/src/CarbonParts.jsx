// Pieces the targets page and the enterprise carbon page share: verdicts, progress bars, the forecast band,
// the two-high badge, the year picker and the basis line. Figures come from carbon.js; nothing here computes.
import {
  UNITS, bandGeometry, bandText, factorFromEarlierYear, gridFactorName, hasBudget, methodText, normalizeState,
  progressBars, twoHighReasons, verdictOf, verdictText, yearChoices,
} from './carbon.js';
import { describeReason, describeState } from './dataState.js';
import { zoneLabel } from './dates.js';
import { MISSING, formatNumber, formatPercent, formatQuantity } from './format.js';
import { getLang, t, tOr } from './i18n.js';

/** A verdict as a coloured tag; an unknown one says what is missing beside it (or only on hover when compact). */
export function VerdictTag({ item, testid, compact = false }) {
  const verdict = verdictOf(item);
  const text = verdictText(item);
  const why = verdict === 'unknown' ? describeState(normalizeState(item?.data_state)) : '';
  return (
    <span class="verdict-wrap" data-testid={testid} data-verdict={verdict} title={text}>
      <span class={`tag verdict verdict-${verdict}`}>{t(`verdict.${verdict}`)}</span>
      {verdict === 'unknown' && !compact && <span class="verdict-why muted">{why || t('verdict.missingUnsaid')}</span>}
    </span>
  );
}

/** The year picker: this year on the park's calendar and the ones before it (and the plan's). */
export function YearPicker({ value, current, targets, onChange }) {
  return (
    <label>
      {t('targets.year')}
      <select data-testid="year-select" value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {yearChoices(current, targets).map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
}

function Bar({ bar, label, testid, unit, markTitle }) {
  const lang = getLang();
  return (
    <div class="progress" data-testid={testid} data-percent={bar.percent ?? ''} data-ratio={bar.ratio ?? ''} data-over={String(bar.over)}>
      <div class="progress-label">
        <span>{label}</span>
        <span class="num">
          {formatQuantity(bar.value, unit, lang)} / {formatQuantity(bar.of, unit, lang)} · {formatPercent(bar.ratio, lang)}
        </span>
      </div>
      <div class="progress-track">
        <div class={`progress-fill${bar.over ? ' over' : ''}`} style={{ width: `${bar.percent ?? 0}%` }} />
        {typeof bar.mark === 'number' && <div class="progress-mark" style={{ left: `${bar.mark}%` }} title={markTitle} />}
      </div>
    </div>
  );
}

/** The forecast to year end: the band drawn against the budget, and its numbers. */
export function ForecastBand({ forecast, budget, unit, testid }) {
  const lang = getLang();
  const g = bandGeometry(forecast, budget);
  return (
    <div class="forecast" data-testid={testid} data-value={forecast?.value ?? ''} data-low={forecast?.low ?? ''}
      data-high={forecast?.high ?? ''} data-budget={budget ?? ''} data-method={forecast?.method ?? ''}>
      <div class="progress-label">
        <span>{t('targets.forecast')}</span>
        <span class="num" data-testid={testid && `${testid}-text`}>{bandText(forecast, unit, lang)}</span>
      </div>
      {g && (
        <div class="band-track" title={`${t('targets.band')}: ${bandText(forecast, unit, lang)}`}>
          <div class={`band-range${g.overBudget ? ' over' : g.bandOverBudget ? ' straddles' : ''}`} style={{ left: `${g.low}%`, width: `${Math.max(0.5, g.high - g.low)}%` }} />
          <div class="band-value" style={{ left: `${g.value}%` }} />
          {g.budget !== null && <div class="band-budget" style={{ left: `${g.budget}%` }} title={`${t('targets.budget')} ${formatQuantity(budget, unit, lang)}`} />}
        </div>
      )}
      {forecast?.method && <div class="muted small" data-testid={testid && `${testid}-method`}>{t('targets.method')}: {methodText(forecast.method)}</div>}
    </div>
  );
}

/**
 * One quantity (energy or CO₂) against its budget: verdict, the two progress bars, the forecast band and the gap.
 * `quantity` is the API's block ({unit, ytd, budget, budget_ytd, forecast, verdict, gap, data_state}).
 */
export function QuantityProgress({ id, quantity, year, title }) {
  const lang = getLang();
  const unit = quantity?.unit || UNITS[id];
  const bars = progressBars(quantity);
  const state = normalizeState(quantity?.data_state);
  return (
    <section class="panel" data-testid={`progress-${id}`} data-verdict={verdictOf(quantity)}>
      <div class="panel-head">
        <h2>{title || t(`carbon.quantity.${id}`)}</h2>
        <VerdictTag item={quantity} testid={`verdict-${id}`} />
      </div>
      <dl class="facts">
        <dt>{t('targets.ytd')}</dt><dd data-testid={`ytd-${id}`}>{formatQuantity(quantity?.ytd, unit, lang)}</dd>
        <dt>{t('targets.budget')}</dt><dd>{formatQuantity(quantity?.budget, unit, lang)}</dd>
        <dt>{t('targets.gap')}</dt><dd data-testid={`gap-${id}`}>{signedQuantity(quantity?.gap, unit, lang)}</dd>
      </dl>
      {hasBudget(quantity) ? (
        <div class="bars">
          {bars.ytdVsProfile && <Bar bar={bars.ytdVsProfile} unit={unit} label={t('targets.ytdVsProfile')} testid={`progress-bar-${id}-profile`} />}
          {bars.ytdVsBudget && (
            <Bar bar={bars.ytdVsBudget} unit={unit} label={t('targets.ytdVsBudget')} testid={`progress-bar-${id}-budget`}
              markTitle={`${t('targets.profileMark')}: ${formatQuantity(quantity.budget_ytd, unit, lang)}`} />
          )}
        </div>
      ) : <p class="muted" data-testid={`no-budget-${id}`}>{t('targets.noBudget', { year, quantity: t(`carbon.quantity.${id}`) })}</p>}
      <ForecastBand forecast={quantity?.forecast} budget={quantity?.budget} unit={unit} testid={`forecast-band-${id}`} />
      {state && state.state === 'partial' && <p class="muted small">{t('state.partial')}: {describeState(state)}</p>}
    </section>
  );
}

/** A gap with its sign: "+1,100 t" over, "−300 t" under. */
export function signedQuantity(value, unit, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  const text = formatQuantity(value, unit, lang);
  return value > 0 ? `+${text}` : text;
}

/** The 两高 badge: its reasons on hover, and on a click (expanded from the start when `expanded`). */
export function TwoHighBadge({ twoHigh, reasons, testid, expanded = false }) {
  if (!twoHigh) return expanded ? <span class="muted" data-testid={testid} data-two-high="false">{t('twoHigh.no')}</span> : null;
  const said = twoHighReasons(reasons);
  const badge = <span class="tag two-high" title={said.join(t('state.separator'))}>{t('twoHigh.badge')}</span>;
  if (said.length === 0) return <span data-testid={testid} data-two-high="true">{badge}</span>;
  return (
    <details class="two-high-details" data-testid={testid} data-two-high="true" open={expanded}>
      <summary>{badge}</summary>
      <ul class="two-high-reasons">{said.map((r) => <li key={r}>{r}</li>)}</ul>
    </details>
  );
}

/**
 * The basis of every figure on the page: grid factor (value, scope and area, year used, a notice when it is from an
 * earlier year than the year shown), its source, the green-electricity rule, heat factor, policy version, time zone.
 */
export function BasisLine({ basis, year, policyVersion, timeZone }) {
  const lang = getLang();
  const grid = basis?.grid_factor;
  const earlier = factorFromEarlierYear(grid, year);
  const parts = [];
  if (grid) {
    parts.push(t('basis.factor', {
      name: gridFactorName(grid), value: formatNumber(grid.kg_co2_per_kwh, lang, 4), year: grid.year_used ?? MISSING,
    }));
    if (grid.source) parts.push(t('basis.source', { source: grid.source }) + (grid.published ? ` · ${t('basis.published', { published: grid.published })}` : ''));
  } else {
    parts.push(t('basis.noFactor'));
  }
  if (basis?.green_electricity) parts.push(tOr(`green.rule.${basis.green_electricity}`, basis.green_electricity));
  if (typeof basis?.heat_t_co2_per_gj === 'number') parts.push(t('basis.heat', { value: formatNumber(basis.heat_t_co2_per_gj, lang, 3) }));
  if (basis?.energy_basis) parts.push(tOr(`state.basis.${basis.energy_basis}`, basis.energy_basis));
  if (policyVersion) parts.push(t('basis.policy', { version: policyVersion }));
  if (timeZone) parts.push(t('basis.zone', { zone: zoneLabel(timeZone, lang) }));
  return (
    <div class="basis" data-testid="basis-line" data-year-used={grid?.year_used ?? ''} data-earlier-year={String(earlier)}>
      <span class="basis-title">{t('basis.title')}</span> {parts.join(' · ')}
      {(basis?.notes || []).filter((n) => n?.code !== 'grid_factor_from_earlier_year').map((n) => (
        <div class="basis-note" key={n.code} data-testid={`basis-note-${n.code}`}>{describeReason(n)}</div>
      ))}
      {earlier && (
        <div class="basis-notice" role="note" data-testid="basis-earlier-year" data-year={grid?.year ?? year} data-year-used={grid?.year_used ?? ''}>
          {t('basis.earlierYear', { year: grid?.year ?? year, used: grid?.year_used ?? MISSING })}
        </div>
      )}
    </div>
  );
}
