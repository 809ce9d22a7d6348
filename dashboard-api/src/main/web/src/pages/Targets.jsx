import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { getJson, parkPath, query } from '../api.js';
import {
  INTENSITIES, QUANTITIES, UNITS, hasAnyTarget, monthSeries, normalizeState, orderContributors, parkYear,
} from '../carbon.js';
import { BasisLine, QuantityProgress, TwoHighBadge, VerdictTag, signedQuantity, YearPicker } from '../CarbonParts.jsx';
import { Chart } from '../Chart.jsx';
import { describeState } from '../dataState.js';
import { getParkZone } from '../dates.js';
import { MISSING, formatPercent, formatQuantity, unitLabel } from '../format.js';
import { getLang, t, tOr } from '../i18n.js';
import { carbonHref } from '../router.js';
import { useLoad } from '../useLoad.js';

const CONTRIBUTION_KINDS = ['co2', 'energy', 'co2_per_value_added', 'energy_per_value_added'];
const kindLabel = (kind) => (QUANTITIES.includes(kind) ? t(`carbon.quantity.${kind}`) : tOr(`ind.${kind}`, kind));

/** The park's energy and carbon targets of a year: progress, forecast, intensity, contributors, enterprises. */
export function TargetsPage({ park }) {
  const current = parkYear(Date.now(), getParkZone());
  const [year, setYear] = useState(current);
  const answer = useLoad((signal) => getJson(parkPath(park, `/targets${query({ year })}`), { signal }), [park, year]);
  const data = answer.data;
  const progress = data?.park_progress;

  return (
    <div class="page" data-testid="targets-page" data-year={year}>
      <div class="toolbar">
        <h1>{t('targets.title')}</h1>
        <YearPicker value={year} current={current} targets={data?.targets} onChange={setYear} />
        {data?.through && <span class="muted" data-testid="targets-through">{t('targets.through', { month: data.through })}</span>}
      </div>
      {answer.loading && !data && <p class="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <BasisLine basis={data.basis} year={data.year ?? year} policyVersion={data.policy_version} timeZone={data.time_zone} />
          {!hasAnyTarget(data) && <p class="notice-line" data-testid="targets-none">{t('targets.none')}</p>}
          <div class="grid">
            <div class="pair">
              {QUANTITIES.map((q) => <QuantityProgress key={q} id={q} quantity={progress?.[q]} year={data.year ?? year} />)}
            </div>
            <IntensityPanel targets={data.targets} intensity={progress?.intensity} year={data.year ?? year} />
            <MonthPanel months={progress?.months} progress={progress} year={data.year ?? year} />
            <ContributorsPanel contributors={data.contributors} progress={progress} />
            <EnterprisesPanel enterprises={data.enterprises} year={data.year ?? year} />
          </div>
        </>
      )}
      {!data && !answer.loading && <p class="muted">{t('common.noData')}</p>}
    </div>
  );
}

/** Energy and CO₂ per 万元 value added: this year's milestone of the five-year plan, the year to date, the verdict. */
function IntensityPanel({ targets, intensity, year }) {
  const lang = getLang();
  const milestone = targets?.milestone;
  const hasMilestone = INTENSITIES.some((i) => typeof milestone?.[i] === 'number');
  return (
    <section class="panel wide" data-testid="intensity-panel">
      <h2>{t('targets.intensity')}</h2>
      {targets?.plan && (
        <p class="muted" data-testid="targets-plan">
          {t('targets.planLine', { plan: targets.plan, base_year: targets.base_year ?? MISSING, final_year: targets.final_year ?? MISSING })}
          {' · '}{milestone?.stated ? t('targets.milestoneStated') : t('targets.milestoneDerived')}
        </p>
      )}
      {!hasMilestone && <p class="muted" data-testid="no-milestone">{t('targets.noMilestone')}</p>}
      {!targets && (
        <dl class="facts">
          {INTENSITIES.map((i) => (
            <Fragment key={i}>
              <dt>{tOr(`ind.${i}`, i)}</dt>
              <dd data-testid={`intensity-ytd-${i}`}>{formatQuantity(intensity?.[i]?.ytd, intensity?.[i]?.unit || UNITS[i], lang)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {targets && <table data-testid="intensity-table">
        <thead>
          <tr>
            <th>{t('ranking.indicator')}</th>
            <th class="num">{t('targets.baseValue', { base_year: targets?.base_year ?? MISSING })}</th>
            <th class="num">{t('targets.reduction')}</th>
            <th class="num">{t('targets.milestone', { year })}</th>
            <th class="num">{t('targets.intensityYtd')}</th>
            <th class="num">{t('targets.gapMilestone')}</th>
            <th>{t('targets.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {INTENSITIES.map((i) => {
            const row = intensity?.[i];
            const unit = row?.unit || UNITS[i];
            return (
              <tr key={i} data-testid={`intensity-${i}`}>
                <td>{tOr(`ind.${i}`, i)}</td>
                <td class="num">{formatQuantity(targets?.base?.[i], unit, lang)}</td>
                <td class="num">{formatPercent(targets?.reduction?.[i], lang)}</td>
                <td class="num" data-testid={`milestone-${i}`}>{formatQuantity(row?.milestone ?? milestone?.[i], unit, lang)}</td>
                <td class="num" data-testid={`intensity-ytd-${i}`}>{formatQuantity(row?.ytd, unit, lang)}</td>
                <td class="num">{signedQuantity(row?.gap, unit, lang)}</td>
                <td><VerdictTag item={row} testid={`verdict-${i}`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>}
    </section>
  );
}

/** Cumulative actual against the cumulative budget profile, month by month, with the forecast path and band. */
function MonthPanel({ months, progress, year }) {
  const lang = getLang();
  const [quantity, setQuantity] = useState('co2');
  const block = progress?.[quantity];
  const unit = block?.unit || UNITS[quantity];
  const series = useMemo(() => monthSeries(months, quantity, year, block?.forecast), [months, quantity, year, block]);
  const option = useMemo(() => {
    const budget = typeof block?.budget === 'number' ? block.budget : null;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatQuantity(v, unit, lang) },
      legend: { data: [t('targets.actual'), t('targets.profile'), t('targets.forecastPath'), t('targets.forecastBand')] },
      grid: { left: 80, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: series.months },
      yAxis: { type: 'value', name: unitLabel(unit, lang) },
      series: [
        { name: t('targets.actual'), type: 'line', data: series.actual, connectNulls: false, lineStyle: { width: 3 } },
        {
          name: t('targets.profile'), type: 'line', data: series.budget, connectNulls: false, lineStyle: { type: 'dashed' },
          markLine: budget === null ? undefined : {
            symbol: 'none',
            data: [{ yAxis: budget, name: t('targets.budget'), label: { formatter: t('targets.budget'), position: 'insideEndTop' } }],
          },
        },
        { name: t('targets.forecastPath'), type: 'line', data: series.forecast.value, lineStyle: { type: 'dotted' }, showSymbol: false },
        // the band: an invisible floor at the low edge, the spread stacked on it and shaded
        { name: t('targets.forecastBand'), type: 'line', stack: 'band', data: series.forecast.low, lineStyle: { opacity: 0 }, showSymbol: false, silent: true, tooltip: { show: false } },
        {
          name: t('targets.forecastBand'), type: 'line', stack: 'band', data: series.forecast.spread, lineStyle: { opacity: 0 },
          showSymbol: false, areaStyle: { opacity: 0.25 }, tooltip: { show: false },
        },
      ],
    };
  }, [series, block, lang]);
  return (
    <section class="panel wide" data-testid="month-panel" data-quantity={quantity}>
      <div class="toolbar">
        <h2>{t('targets.monthChart')}</h2>
        <select data-testid="month-chart-quantity" value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)}>
          {QUANTITIES.map((q) => <option key={q} value={q}>{t(`carbon.quantity.${q}`)}</option>)}
        </select>
      </div>
      {series.lastIndex < 0 && !series.budget.some((v) => v !== null)
        ? <p class="muted">{t('common.noData')}</p>
        : <Chart option={option} height="320px" testid="targets-month-chart" />}
    </section>
  );
}

/** Which enterprises move the park off course: their share of the park's gap, largest first. */
function ContributorsPanel({ contributors, progress }) {
  const lang = getLang();
  const kinds = CONTRIBUTION_KINDS.filter((k) => Array.isArray(contributors?.[k]));
  const [kind, setKind] = useState(null);
  const shown = kind && kinds.includes(kind) ? kind : kinds[0];
  const rows = orderContributors(contributors?.[shown]);
  const unit = (QUANTITIES.includes(shown) ? progress?.[shown]?.unit : progress?.intensity?.[shown]?.unit) || UNITS[shown];
  return (
    <section class="panel wide" data-testid="contributors-panel">
      <div class="toolbar">
        <h2>{t('targets.contributors')}</h2>
        {kinds.length > 1 && (
          <select data-testid="contributors-quantity" value={shown} onChange={(e) => setKind(e.currentTarget.value)}>
            {kinds.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
          </select>
        )}
      </div>
      <p class="muted">{t('targets.contributorsExplain')}</p>
      {rows.length === 0 ? <p class="muted" data-testid="no-contributors">{t('targets.noContributors')}</p> : (
        <div class="table-scroll">
          <table data-testid="contributors-table" data-quantity={shown}>
            <thead>
              <tr><th>{t('common.enterprise')}</th><th class="num">{t('targets.contributorGap')}</th><th class="num">{t('targets.share')}</th><th /></tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.enterprise} data-testid={`contributor-${c.enterprise}`} data-share={c.share ?? ''}>
                  <td><a href={carbonHref(c.enterprise)} data-testid={`contributor-link-${c.enterprise}`}>{c.name || c.enterprise}</a></td>
                  <td class="num">{signedQuantity(c.gap, unit, lang)}</td>
                  <td class="num">{formatPercent(c.share, lang)}</td>
                  <td class="share-cell">
                    <div class={`share-bar${c.share < 0 ? ' negative' : ''}`} style={{ width: `${Math.min(100, Math.abs(c.share ?? 0) * 100)}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Every enterprise: its energy and CO₂ against its budget, verdicts, the 两高 badge, a link to its carbon page. */
function EnterprisesPanel({ enterprises, year }) {
  const lang = getLang();
  const list = Array.isArray(enterprises) ? enterprises : [];
  const cells = (q, e) => {
    const block = e[q];
    const unit = block?.unit || UNITS[q];
    return [
      <td key={`${q}-ytd`} class="num">{formatQuantity(block?.ytd, unit, lang)}</td>,
      <td key={`${q}-budget`} class="num">{typeof block?.budget === 'number' ? formatQuantity(block.budget, unit, lang) : <span class="muted">{t('targets.noEnterpriseBudget')}</span>}</td>,
      <td key={`${q}-forecast`} class="num" title={block?.forecast ? `${t('targets.band')}: ${formatQuantity(block.forecast.low, unit, lang)} – ${formatQuantity(block.forecast.high, unit, lang)}` : ''}>
        {formatQuantity(block?.forecast?.value, unit, lang)}
      </td>,
      <td key={`${q}-verdict`}><VerdictTag item={block} testid={`verdict-${q}-${e.enterprise}`} /></td>,
    ];
  };
  return (
    <section class="panel wide" data-testid="targets-enterprises-panel">
      <h2>{t('targets.enterprises')} · {year}</h2>
      {list.length === 0 ? <p class="muted">{t('common.noData')}</p> : (
        <div class="table-scroll">
          <table class="compact" data-testid="targets-enterprises">
            <thead>
              <tr>
                <th rowSpan={2}>{t('common.enterprise')}</th><th rowSpan={2}>{t('targets.industry')}</th><th rowSpan={2}>{t('twoHigh.badge')}</th>
                {QUANTITIES.map((q) => <th key={q} colSpan={4} class="group">{t(`carbon.quantity.${q}`)}</th>)}
                <th rowSpan={2}>{t('targets.state')}</th>
              </tr>
              <tr>
                {QUANTITIES.flatMap((q) => [
                  <th key={`${q}-1`} class="num">{t('targets.ytd')}</th>, <th key={`${q}-2`} class="num">{t('targets.budget')}</th>,
                  <th key={`${q}-3`} class="num">{t('targets.forecast')}</th>, <th key={`${q}-4`}>{t('targets.verdict')}</th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {list.map((e) => {
                const state = normalizeState(e.data_state);
                return (
                  <tr key={e.enterprise} data-testid={`targets-row-${e.enterprise}`} data-two-high={String(!!e.two_high)}>
                    <td><a href={carbonHref(e.enterprise)} data-testid={`carbon-link-${e.enterprise}`}>{e.name || e.enterprise}</a></td>
                    <td>{e.industry || MISSING}</td>
                    <td><TwoHighBadge twoHigh={e.two_high} reasons={e.two_high_reasons} testid={`two-high-${e.enterprise}`} /></td>
                    {QUANTITIES.flatMap((q) => cells(q, e))}
                    <td title={describeState(state)}>{state ? t(`state.${state.state}`) : MISSING}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
