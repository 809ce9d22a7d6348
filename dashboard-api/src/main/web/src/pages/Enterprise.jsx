import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, parkPath, query } from '../api.js';
import { Chart } from '../Chart.jsx';
import { parkTicks, parkTimeAxis, parkTimeTooltip } from '../chartTime.js';
import { monthsEnding } from '../dates.js';
import { enterpriseNames } from '../enterpriseNames.js';
import {
  MISSING, formatNumber, formatPercent, formatPercentPoints, formatQuantity, unitLabel,
} from '../format.js';
import { classReasonText, missingText, partialNote, stateSummary, describeState } from '../dataState.js';
import { getLang, t, tOr } from '../i18n.js';
import { PER_OUTPUT, pointsOpen, scoringWeights } from '../indicators.js';
import { currentPeriod } from '../period.js';
import { PeriodPicker } from '../PeriodPicker.jsx';
import { carbonHref } from '../router.js';
import { useLoad } from '../useLoad.js';
import { ClassTag } from './Ranking.jsx';
import { ReportExport } from './Reports.jsx';

const TREND_MONTHS = 6;
const RANGES = {
  day: { ms: 86400000, step: 'PT15M', tickHours: 3 },
  week: { ms: 7 * 86400000, step: 'PT1H', tickHours: 24 },
  month: { ms: 30 * 86400000, step: 'P1D', tickHours: 5 * 24 },
};

const first = (answer) => (answer?.enterprises || [])[0] || null;

/** Operators' drill-down and an enterprise's own home: the same figures, one enterprise. */
export function EnterprisePage({ park, id, home }) {
  const lang = getLang();
  const [period, setPeriod] = useState(currentPeriod());
  const ask = (path, extra = {}) => (signal) => getJson(parkPath(park, `${path}${query({ period, enterprise: id, ...extra })}`), { signal });

  const names = useLoad((signal) => enterpriseNames(park, signal), [park]);
  const policy = useLoad((signal) => getJson(parkPath(park, '/policy'), { signal }).catch(() => null), [park]);
  const figures = useLoad(ask('/indicators'), [park, id, period]);
  const benchmarks = useLoad(ask('/benchmarks'), [park, id, period]);
  const classes = useLoad(ask('/classes'), [park, id, period]);
  const growth = useLoad(ask('/growth'), [park, id, period]);

  const own = first(figures.data);
  const cls = first(classes.data);
  const line = first(growth.data);
  const name = names.data?.[id] || id;
  const benchmarkRows = useMemo(() => {
    const rows = benchmarks.data?.indicators || [];
    const rank = (r) => (PER_OUTPUT.includes(r.indicator) ? PER_OUTPUT.indexOf(r.indicator) : PER_OUTPUT.length);
    return [...rows].sort((a, b) => rank(a) - rank(b));
  }, [benchmarks.data]);

  const against = useMemo(() => {
    // Each indicator as a percent of its peer median, so different units share one axis.
    const rows = benchmarkRows.filter((r) => typeof r.peers?.median === 'number' && r.peers.median !== 0);
    const index = (r, v) => (typeof v === 'number' ? Math.round((v / r.peers.median) * 1000) / 10 : null);
    return rows.length === 0 ? null : {
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const r = rows[items[0].dataIndex];
          return `${tOr(`ind.${r.indicator}`, r.name || r.indicator)}<br/>`
            + `${t('bench.self')}: ${formatQuantity(r.value, r.unit, lang)}<br/>`
            + `${t('bench.frontrunner')}: ${formatQuantity(r.peers.frontrunner, r.unit, lang)}<br/>`
            + `${t('bench.median')}: ${formatQuantity(r.peers.median, r.unit, lang)}`;
        },
      },
      legend: { data: [t('bench.self'), t('bench.frontrunner'), t('bench.median')] },
      grid: { left: 60, right: 20, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: rows.map((r) => tOr(`ind.${r.indicator}`, r.name || r.indicator)), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', name: t('bench.indexAxis') },
      series: [
        { name: t('bench.self'), type: 'bar', data: rows.map((r) => index(r, r.value)) },
        { name: t('bench.frontrunner'), type: 'bar', data: rows.map((r) => index(r, r.peers.frontrunner)) },
        { name: t('bench.median'), type: 'bar', data: rows.map(() => 100) },
      ],
    };
  }, [benchmarkRows, lang]);

  const weights = scoringWeights(policy.data?.policy);
  const open = cls ? pointsOpen(cls.points, weights) : [];
  const gapOf = Object.fromEntries(benchmarkRows.map((r) => [r.indicator, r.standing]));
  const pointsOption = useMemo(() => (open.length === 0 ? null : {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('class.earned'), t('class.open')] },
    grid: { left: 140, right: 30, top: 30, bottom: 30 },
    xAxis: { type: 'value', name: t('class.points') },
    yAxis: { type: 'category', data: open.map((o) => tOr(`ind.${o.indicator}`, o.indicator)).reverse() },
    series: [
      { name: t('class.earned'), type: 'bar', stack: 'p', data: open.map((o) => o.points ?? 0).reverse() },
      { name: t('class.open'), type: 'bar', stack: 'p', itemStyle: { color: '#d9d9d9' }, data: open.map((o) => Math.max(0, o.weight - (o.points ?? 0))).reverse() },
    ],
  }), [cls, policy.data, lang]);

  return (
    <div class="page" data-testid={home ? 'enterprise-home' : 'enterprise-page'} data-enterprise={id}>
      <div class="toolbar">
        <h1 data-testid="enterprise-name">{name}</h1>
        {own && <span class="muted">{t('ent.industry')} {own.industry} · {t('ent.land')} {formatQuantity(own.land_mu, t('unit.mu'), lang)}</span>}
        <PeriodPicker value={period} onChange={setPeriod} />
        <a href={home ? '#/carbon' : carbonHref(id)} data-testid="carbon-link">{t('carbon.open')}</a>
      </div>

      <div class="kpis">
        <div class="kpi">
          <div class="kpi-label">{t('ent.energy')}</div>
          <div class="kpi-value" data-testid="enterprise-energy">{formatQuantity(own?.energy?.value, own?.energy?.unit || 'tce', lang)}</div>
          <div class="kpi-note muted">{own?.energy?.basis ? tOr(`state.basis.${own.energy.basis}`, own.energy.basis) : ''}</div>
        </div>
        {PER_OUTPUT.slice(0, 1).concat('water_per_output_value').map((ind) => {
          const v = own?.indicators?.[ind];
          return (
            <div class="kpi" key={ind}>
              <div class="kpi-label">{tOr(`ind.${ind}`, ind)}</div>
              <div class="kpi-value" data-testid={`kpi-${ind}`}>{formatQuantity(v?.value, v?.unit, lang)}</div>
              <div class="kpi-note muted" data-testid={`kpi-note-${ind}`}>{missingText(v) || partialNote(v)}</div>
            </div>
          );
        })}
        <div class="kpi">
          <div class="kpi-label">{t('class.title')}</div>
          <div class="kpi-value" data-testid="enterprise-class"><ClassTag cls={cls?.class} reason={cls?.reason} message={cls?.reason_message} state={cls?.data_state} /></div>
          <div class="kpi-note muted">{t('class.score')} {formatNumber(cls?.score, lang, 1)}</div>
        </div>
      </div>

      <div class="grid">
        <section class="panel wide">
          <h2>{t('bench.title')}</h2>
          {against ? <Chart option={against} testid="benchmark-chart" /> : <p class="muted">{benchmarks.loading ? t('common.loading') : t('common.noData')}</p>}
          <table data-testid="benchmark-table">
            <thead>
              <tr>
                <th>{t('ranking.indicator')}</th><th class="num">{t('bench.self')}</th><th class="num">{t('bench.frontrunner')}</th>
                <th class="num">{t('bench.median')}</th><th class="num">{t('ranking.rank')}</th>
                <th class="num">{t('ranking.percentile')}</th><th class="num">{t('ranking.gapPercent')}</th>
              </tr>
            </thead>
            <tbody>
              {benchmarkRows.map((r) => (
                <tr key={r.indicator}>
                  <td>{tOr(`ind.${r.indicator}`, r.name || r.indicator)}</td>
                  <td class="num">{r.value == null ? <span title={missingText(r)}>{MISSING}</span> : formatQuantity(r.value, r.unit, lang)}</td>
                  <td class="num">{formatQuantity(r.peers?.frontrunner, r.unit, lang)}</td>
                  <td class="num">{formatQuantity(r.peers?.median, r.unit, lang)}</td>
                  <td class="num">{r.standing?.rank ?? MISSING}{r.peers?.count ? ` / ${r.peers.count}` : ''}</td>
                  <td class="num">{formatNumber(r.standing?.percentile, lang, 0)}</td>
                  <td class="num">{formatPercentPoints(r.standing?.gap_percent, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section class="panel wide">
          <h2>{t('limits.title')}</h2>
          {(benchmarks.data?.limit_standards || []).length === 0 ? <p class="muted">{t('limits.none')}</p> : (
            <table data-testid="limit-table">
              <thead>
                <tr>
                  <th>{t('limits.product')}</th><th>{t('limits.standard')}</th><th class="num">{t('bench.self')}</th>
                  <th class="num">{t('limits.limit')}</th><th class="num">{t('limits.entry')}</th>
                  <th class="num">{t('limits.advanced')}</th><th>{t('limits.grade')}</th><th class="num">{t('limits.index')}</th>
                </tr>
              </thead>
              <tbody>
                {benchmarks.data.limit_standards.map((l) => (
                  <tr key={`${l.product}-${l.row}`}>
                    <td>{l.product}</td>
                    <td title={tOr(`limit.row.${l.row}`, l.description)}>{l.standard}</td>
                    <td class="num">{l.value == null ? MISSING : formatQuantity(l.value, l.unit, lang)}</td>
                    <td class="num">{formatQuantity(l.limit_value, l.unit, lang)}</td>
                    <td class="num">{formatQuantity(l.entry_value, l.unit, lang)}</td>
                    <td class="num">{formatQuantity(l.advanced_value, l.unit, lang)}</td>
                    <td>
                      {l.grade ? <span class={`tag grade-${l.grade}`} data-testid={`limit-grade-${l.row}`} data-grade={l.grade}>{tOr(`grade.${l.grade}`, l.grade)}</span>
                        : <span class="muted" data-testid={`limit-incomplete-${l.row}`}>{t('limits.incomplete', { why: describeState(l.data_state) || l.missing })}</span>}
                    </td>
                    <td class="num">{formatNumber(l.efficiency_index, lang, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <MonthlyTrend park={park} id={id} period={period} />

        <section class="panel">
          <h2>{t('class.moves')}</h2>
          <p data-testid="class-summary">
            {cls?.class
              ? t('class.summary', { cls: cls.class, score: formatNumber(cls.score, lang, 1) })
              : cls?.data_state?.state === 'insufficient' ? stateSummary(cls.data_state)
                : cls?.reason ? classReasonText(cls.reason_message, cls.reason, cls.data_state) : MISSING}
          </p>
          {pointsOption && <Chart option={pointsOption} height="260px" testid="points-chart" />}
          <ol class="moves" data-testid="what-moves">
            {open.filter((o) => o.open > 0).slice(0, 3).map((o) => (
              <li key={o.indicator}>
                {t('class.moveLine', {
                  indicator: tOr(`ind.${o.indicator}`, o.indicator),
                  open: formatNumber(o.open, lang, 1),
                  gap: formatPercentPoints(gapOf[o.indicator]?.gap_percent, lang),
                })}
              </li>
            ))}
          </ol>
        </section>

        <section class="panel">
          <h2>{t('growth.title')}</h2>
          {line ? (
            <dl class="facts" data-testid="growth-facts">
              <dt>{t('growth.energy')}</dt><dd>{formatPercent(line.energy_growth, lang, { signed: true })}</dd>
              <dt>{t('growth.output')}</dt><dd>{formatPercent(line.output_growth, lang, { signed: true })}</dd>
              <dt>{t('growth.elasticity')}</dt><dd>{formatNumber(line.elasticity, lang, 2)}</dd>
              <dt>{t('growth.quadrant')}</dt><dd>{line.quadrant ? tOr(`quadrant.${line.quadrant}`, line.quadrant) : MISSING}</dd>
              <dt>{t('growth.intensity')}</dt>
              <dd>{formatQuantity(line.intensity, line.intensity_unit, lang)} ({t('growth.peerMedian')} {formatQuantity(line.peer_median_intensity, line.intensity_unit, lang)})</dd>
              <dt>{t('growth.level')}</dt><dd>{line.intensity_level ? tOr(`level.${line.intensity_level}`, line.intensity_level) : MISSING}</dd>
              {line.missing && <><dt>{t('common.missing')}</dt><dd data-testid="growth-missing">{missingText(line)}</dd></>}
            </dl>
          ) : <p class="muted">{growth.loading ? t('common.loading') : t('common.noData')}</p>}
        </section>

        <SeriesPanel park={park} id={id} />

        <section class="panel wide">
          <h2>{t('ent.allIndicators')}</h2>
          <table data-testid="indicator-table">
            <thead><tr><th>{t('ranking.indicator')}</th><th class="num">{t('ranking.value')}</th><th>{t('common.missing')}</th></tr></thead>
            <tbody>
              {Object.entries(own?.indicators || {}).map(([key, v]) => (
                <tr key={key}>
                  <td>{tOr(`ind.${key}`, v.name || key)}</td>
                  <td class="num">{formatQuantity(v.value, v.unit, lang)}</td>
                  <td class="muted">{missingText(v) || partialNote(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {own?.consumption && (
            <table data-testid="consumption-table">
              <thead><tr><th>{t('ent.resource')}</th><th class="num">{t('ranking.value')}</th><th class="num">{t('ent.coverage')}</th><th class="num">{t('ent.estimated')}</th></tr></thead>
              <tbody>
                {Object.entries(own.consumption).map(([resource, c]) => (
                  <tr key={resource}>
                    <td>{tOr(`state.carrier.${resource}`, resource)}</td>
                    <td class="num">{formatQuantity(c.value, c.unit, lang)}</td>
                    <td class="num">{formatPercent(c.coverage, lang)}</td>
                    <td class="num">{formatPercent(c.estimated_share, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        {home && <ReportExport park={park} />}
      </div>
    </div>
  );
}

/** Energy and water per output over the months up to the period, asked one month at a time. */
function MonthlyTrend({ park, id, period }) {
  const lang = getLang();
  const [points, setPoints] = useState({});
  const months = /^\d{4}-\d{2}$/.test(period) ? monthsEnding(period, TREND_MONTHS) : [];

  useEffect(() => {
    const controller = new AbortController();
    setPoints({});
    (async () => {
      for (const month of months) {
        if (controller.signal.aborted) return;
        try {
          const answer = await getJson(parkPath(park, `/indicators${query({ period: month, enterprise: id })}`), { signal: controller.signal });
          setPoints((p) => ({ ...p, [month]: first(answer)?.indicators || {} }));
        } catch (e) {
          if (e.name === 'AbortError' || e.status === 401) return;
          setPoints((p) => ({ ...p, [month]: {} })); // a month without data stays a gap
        }
      }
    })();
    return () => controller.abort();
  }, [park, id, period]);

  const shown = ['energy_per_output_value', 'water_per_output_value'];
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: shown.map((s) => tOr(`ind.${s}`, s)) },
    grid: { left: 70, right: 70, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: shown.map((s, i) => ({
      type: 'value', position: i === 0 ? 'left' : 'right',
      name: unitLabel(Object.values(points).find((p) => p[s]?.unit)?.[s]?.unit || '', lang),
    })),
    series: shown.map((s, i) => ({
      name: tOr(`ind.${s}`, s), type: 'line', yAxisIndex: i, connectNulls: false,
      data: months.map((m) => points[m]?.[s]?.value ?? null),
    })),
  }), [points, lang, period]);

  return (
    <section class="panel wide">
      <h2>{t('trend.title')}</h2>
      <Chart option={option} height="280px" testid="trend-chart" />
    </section>
  );
}

/** The enterprise's own raw series: power, energy or water over a day, a week or a month. */
function SeriesPanel({ park, id }) {
  const lang = getLang();
  const [quantity, setQuantity] = useState('power_kw');
  const [range, setRange] = useState('day');
  const series = useLoad((signal) => {
    const to = new Date();
    const from = new Date(to.getTime() - RANGES[range].ms);
    return getJson(parkPath(park, `/enterprises/${encodeURIComponent(id)}/series${query({
      quantity, from: from.toISOString(), to: to.toISOString(), step: RANGES[range].step,
    })}`), { signal });
  }, [park, id, quantity, range]);

  const unit = series.data?.unit;
  const points = series.data?.points || [];
  const option = useMemo(() => ({
    tooltip: parkTimeTooltip((v) => formatQuantity(v, unit, lang)),
    grid: { left: 70, right: 20, top: 30, bottom: 30 },
    xAxis: parkTimeAxis({ spanMs: RANGES[range].ms, ticks: parkTicks(points[0]?.[0], points[points.length - 1]?.[0], RANGES[range].tickHours) }),
    yAxis: { type: 'value', name: unitLabel(unit, lang) },
    series: [{
      type: quantity === 'power_kw' ? 'line' : 'bar', showSymbol: false,
      data: series.data?.points || [],
    }],
  }), [series.data, lang]);

  return (
    <section class="panel wide">
      <div class="toolbar">
        <h2>{t('series.title')}</h2>
        <select data-testid="series-quantity" value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)}>
          {['power_kw', 'energy_kwh', 'volume_m3'].map((q) => <option key={q} value={q}>{t(`series.${q}`)}</option>)}
        </select>
        <select data-testid="series-range" value={range} onChange={(e) => setRange(e.currentTarget.value)}>
          {Object.keys(RANGES).map((r) => <option key={r} value={r}>{t(`series.range.${r}`)}</option>)}
        </select>
      </div>
      <Chart option={option} height="280px" testid="series-chart" />
    </section>
  );
}
