import { useMemo, useState } from 'preact/hooks';
import { getJson, parkPath, query } from '../api.js';
import {
  QUANTITIES, UNITS, carrierSeries, greenTotals, normalizeState, parkYear, peerPosition, verdictOf,
} from '../carbon.js';
import { BasisLine, QuantityProgress, TwoHighBadge, VerdictTag, YearPicker } from '../CarbonParts.jsx';
import { Chart } from '../Chart.jsx';
import { describeState, partialNote, stateSummary } from '../dataState.js';
import { getParkZone } from '../dates.js';
import { MISSING, formatNumber, formatQuantity, unitLabel } from '../format.js';
import { getLang, t, tOr } from '../i18n.js';
import { enterpriseHref } from '../router.js';
import { useLoad } from '../useLoad.js';

const CO2_UNIT = 't';

/**
 * One enterprise's carbon year: CO₂ by month and carrier, green electricity, its budget and forecast, its CO₂ per
 * 万元 value added among its industry peers (anonymous), the two-high marking and the basis. An enterprise sees
 * its own (`own`); operators reach any from the enterprise page and the targets table.
 */
export function CarbonPage({ park, id, own }) {
  const lang = getLang();
  const current = parkYear(Date.now(), getParkZone());
  const [year, setYear] = useState(current);
  const answer = useLoad(
    (signal) => getJson(parkPath(park, `/enterprises/${encodeURIComponent(id)}/carbon${query({ year })}`), { signal }),
    [park, id, year],
  );
  const data = answer.data;
  const name = data?.name || data?.enterprise?.name || id;
  const intensity = data?.intensity?.co2_per_value_added;
  const co2Ytd = data?.co2?.ytd;

  return (
    <div class="page" data-testid="carbon-page" data-enterprise={id} data-year={year}>
      <div class="toolbar">
        <h1 data-testid="carbon-name">{name} · {t('carbon.title')}</h1>
        {data?.industry && <span class="muted">{t('ent.industry')} {data.industry}</span>}
        <YearPicker value={year} current={current} onChange={setYear} />
        {data?.through && <span class="muted" data-testid="carbon-through">{t('targets.through', { month: data.through })}</span>}
        {!own && <a href={enterpriseHref(id)} data-testid={`enterprise-link-${id}`}>{t('carbon.toEnterprise')}</a>}
      </div>
      {answer.loading && !data && <p class="muted">{t('common.loading')}</p>}
      {!data && !answer.loading && <p class="muted">{t('common.noData')}</p>}
      {data && (
        <>
          <BasisLine basis={data.basis} year={data.year ?? year} policyVersion={data.policy_version} timeZone={data.time_zone} />
          <div class="kpis">
            <div class="kpi">
              <div class="kpi-label">{t('carbon.ytd')}</div>
              <div class="kpi-value" data-testid="carbon-ytd">{formatQuantity(co2Ytd, data?.co2?.unit || CO2_UNIT, lang)}</div>
              <div class="kpi-note muted">{partialNote(data.co2) || (normalizeState(data.co2?.data_state)?.state === 'insufficient' ? stateSummary(normalizeState(data.co2.data_state)) : '')}</div>
            </div>
            <div class="kpi">
              <div class="kpi-label">{tOr('ind.co2_per_value_added', 'co2_per_value_added')}</div>
              <div class="kpi-value" data-testid="carbon-intensity">{formatQuantity(intensity?.value, intensity?.unit || UNITS.co2_per_value_added, lang)}</div>
              <div class="kpi-note muted">{describeState(normalizeState(intensity?.data_state))}</div>
            </div>
            <div class="kpi">
              <div class="kpi-label">{t('targets.verdict')}</div>
              <div class="kpi-value small-value" data-testid="carbon-verdict" data-verdict={verdictOf(data.co2)}>
                <VerdictTag item={data.co2} compact />
              </div>
              <div class="kpi-note muted">{verdictOf(data.co2) === 'unknown' ? describeState(normalizeState(data.co2?.data_state)) : ''}</div>
            </div>
            <div class="kpi">
              <div class="kpi-label">{t('twoHigh.title')}</div>
              <div class="kpi-value small-value" data-testid="carbon-two-high-kpi" data-two-high={String(!!data.two_high)}>
                {data.two_high ? t('twoHigh.yes') : t('twoHigh.no')}
              </div>
              <div class="kpi-note"><TwoHighBadge twoHigh={data.two_high} reasons={data.two_high_reasons} testid="carbon-two-high" expanded /></div>
            </div>
          </div>
          <div class="grid">
            <MonthsPanel months={data.months} />
            <section class="panel wide" data-testid="carbon-budget-forecast">
              <h2>{t('carbon.budgetForecast')}</h2>
              <div class="pair">
                {['co2', 'energy'].filter((q) => QUANTITIES.includes(q)).map((q) => (
                  <QuantityProgress key={q} id={q} quantity={data[q]} year={data.year ?? year} />
                ))}
              </div>
            </section>
            <PeersPanel figure={intensity} />
            <GreenPanel months={data.months} basis={data.basis} green={data.green} />
          </div>
        </>
      )}
    </div>
  );
}

/** CO₂ month by month, stacked by carrier, and the same figures in a table with value added and green electricity. */
function MonthsPanel({ months }) {
  const lang = getLang();
  const list = Array.isArray(months) ? months : [];
  const stacked = useMemo(() => carrierSeries(list), [months]);
  const carrierName = (c) => tOr(`state.carrier.${c}`, c);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatQuantity(v, CO2_UNIT, lang) },
    legend: { data: stacked.carriers.map(carrierName) },
    grid: { left: 80, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: stacked.months },
    yAxis: { type: 'value', name: unitLabel('tCO2', lang) },
    series: stacked.carriers.map((c) => ({ name: carrierName(c), type: 'bar', stack: 'co2', data: stacked.values[c] })),
  }), [stacked, lang]);
  return (
    <section class="panel wide" data-testid="carbon-months-panel">
      <h2>{t('carbon.byCarrier')}</h2>
      {stacked.carriers.length === 0 ? <p class="muted">{t('common.noData')}</p> : <Chart option={option} height="320px" testid="carbon-month-chart" />}
      {list.length > 0 && (
        <div class="table-scroll">
          <table class="compact" data-testid="carbon-month-table">
            <thead>
              <tr>
                <th>{t('carbon.month')}</th>
                {stacked.carriers.map((c) => <th key={c} class="num">{carrierName(c)}</th>)}
                <th class="num">{t('carbon.total')}</th><th class="num">{t('ent.energy')}</th>
                <th class="num">{t('carbon.valueAdded')}</th><th class="num">{t('carbon.greenDeclared')}</th>
                <th class="num">{t('carbon.greenApplied')}</th><th>{t('targets.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => {
                const state = normalizeState(m.data_state);
                return (
                  <tr key={m.month} data-testid={`carbon-month-${m.month}`}>
                    <td>{m.month}</td>
                    {stacked.carriers.map((c) => <td key={c} class="num">{formatQuantity(m.co2_by_carrier?.[c], CO2_UNIT, lang)}</td>)}
                    <td class="num">{formatQuantity(m.co2_t, CO2_UNIT, lang)}</td>
                    <td class="num">{formatQuantity(m.energy_tce, 'tce', lang)}</td>
                    <td class="num">{formatQuantity(m.value_added, '10^4 CNY', lang)}</td>
                    <td class="num">{formatQuantity(m.green_kwh_declared, 'kWh', lang)}</td>
                    <td class="num">{formatQuantity(m.green_kwh_applied, 'kWh', lang)}</td>
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

/** CO₂ per 万元 value added against the industry's peers: rank of N, median, frontrunner — no peer is named. */
function PeersPanel({ figure }) {
  const lang = getLang();
  const position = peerPosition(figure);
  return (
    <section class="panel" data-testid="carbon-peers" data-rank={position?.rank ?? ''} data-count={position?.count ?? ''}>
      <h2>{t('carbon.peers')}</h2>
      {!position ? <p class="muted">{t('carbon.noPeers')}</p> : (
        <>
          <p class="muted">{t('carbon.peerIndustry', { industry: position.industry || MISSING, count: position.count })}</p>
          <dl class="facts">
            <dt>{tOr('ind.co2_per_value_added', '')}</dt><dd data-testid="carbon-peer-value">{formatQuantity(position.value, position.unit, lang)}</dd>
            <dt>{t('ranking.rank')}</dt>
            <dd data-testid="carbon-peer-rank">{position.rank === null ? MISSING : t('carbon.peerRank', { rank: position.rank, count: position.count })}</dd>
            <dt>{t('bench.median')}</dt><dd data-testid="carbon-peer-median">{formatQuantity(position.median, position.unit, lang)}</dd>
            <dt>{t('bench.frontrunner')}</dt><dd data-testid="carbon-peer-frontrunner">{formatQuantity(position.frontrunner, position.unit, lang)}</dd>
            {position.percentile !== null && <><dt>{t('ranking.percentile')}</dt><dd>{formatNumber(position.percentile, lang, 0)}</dd></>}
          </dl>
          {position.place !== null && (
            <div class="peer-track" title={t('carbon.peerRank', { rank: position.rank, count: position.count })}>
              <span class="muted small">{t('bench.frontrunner')}</span>
              <div class="progress-track"><div class="peer-marker" data-testid="carbon-peer-marker" style={{ left: `${position.place}%` }} /></div>
              <span class="muted small">{t('carbon.peerLast')}</span>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Green electricity declared this year and what the park's rule lets count against the electricity's CO₂. */
function GreenPanel({ months, basis, green }) {
  const lang = getLang();
  const sums = greenTotals(months);
  const declared = green?.declared_kwh ?? sums.declared;
  const applied = green?.applied_kwh ?? sums.applied;
  return (
    <section class="panel" data-testid="carbon-green" data-declared={declared ?? ''} data-applied={applied ?? ''}>
      <h2>{t('carbon.green')}</h2>
      <dl class="facts">
        <dt>{t('carbon.greenDeclared')}</dt><dd>{formatQuantity(declared, 'kWh', lang)}</dd>
        <dt>{t('carbon.greenApplied')}</dt><dd>{formatQuantity(applied, 'kWh', lang)}</dd>
      </dl>
      {basis?.green_electricity && <p class="muted">{tOr(`green.rule.${basis.green_electricity}`, basis.green_electricity)}</p>}
    </section>
  );
}
