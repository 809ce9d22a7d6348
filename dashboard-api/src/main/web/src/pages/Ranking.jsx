import { useMemo, useState } from 'preact/hooks';
import { getJson, parkPath, query } from '../api.js';
import { Chart } from '../Chart.jsx';
import { enterpriseNames } from '../enterpriseNames.js';
import { displayValue, formatNumber, formatPercent, formatPercentPoints, formatQuantity, isPercentUnit, unitLabel } from '../format.js';
import { classReasonText, describeState, missingText } from '../dataState.js';
import { getLang, t, tOr } from '../i18n.js';
import { QUADRANTS, QUADRANT_COLOURS, classColour, rankingChoices } from '../indicators.js';
import { currentPeriod } from '../period.js';
import { PeriodPicker } from '../PeriodPicker.jsx';
import { enterpriseHref } from '../router.js';
import { useLoad } from '../useLoad.js';

export function RankingPage({ park }) {
  const lang = getLang();
  const [period, setPeriod] = useState(currentPeriod());
  const [indicator, setIndicator] = useState('energy_per_output_value');
  const [groupIndex, setGroupIndex] = useState(0);

  const names = useLoad((signal) => enterpriseNames(park, signal), [park]);
  const policy = useLoad((signal) => getJson(parkPath(park, '/policy'), { signal }).catch(() => null), [park]);
  const ranking = useLoad(
    (signal) => getJson(parkPath(park, `/rankings${query({ period, indicator })}`), { signal }),
    [park, period, indicator],
  );
  const classes = useLoad((signal) => getJson(parkPath(park, `/classes${query({ period })}`), { signal }), [park, period]);
  const growth = useLoad((signal) => getJson(parkPath(park, `/growth${query({ period })}`), { signal }), [park, period]);

  const nameOf = (id) => names.data?.[id] || id;
  const classOf = useMemo(
    () => Object.fromEntries((classes.data?.enterprises || []).map((e) => [e.enterprise, e])),
    [classes.data],
  );
  const listed = policy.data?.policy?.indicators;
  const indicatorChoices = rankingChoices(listed);
  const groups = ranking.data?.groups || [];
  const group = groups[Math.min(groupIndex, Math.max(0, groups.length - 1))];
  const unit = ranking.data?.unit;

  const rankingOption = useMemo(() => {
    if (!group) return null;
    const rows = group.ranking || [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatQuantity(isPercentUnit(unit) ? v / 100 : v, unit, lang) },
      grid: { left: 70, right: 30, top: 30, bottom: 80 },
      xAxis: { type: 'category', data: rows.map((r) => nameOf(r.enterprise)), axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', name: unitLabel(unit, lang) },
      series: [{
        type: 'bar',
        data: rows.map((r) => ({ value: displayValue(r.value, unit), itemStyle: { color: classColour(classOf[r.enterprise]?.class) } })),
        markLine: {
          symbol: 'none',
          data: [
            { yAxis: displayValue(group.frontrunner, unit), name: t('ranking.frontrunner'), label: { formatter: t('ranking.frontrunner'), position: 'insideEndTop' } },
            { yAxis: displayValue(group.median, unit), name: t('ranking.median'), label: { formatter: t('ranking.median'), position: 'insideEndTop' }, lineStyle: { type: 'dotted' } },
          ],
        },
      }],
    };
  }, [group, classOf, names.data, lang]);

  const growthOption = useMemo(() => {
    const lines = (growth.data?.enterprises || []).filter((g) => typeof g.energy_growth === 'number' && typeof g.output_growth === 'number');
    const values = lines.flatMap((g) => [g.energy_growth, g.output_growth]).map(Math.abs);
    // Symmetric axes rounded up to 10 % steps, so the quadrants stay square around 0.
    const reach = Math.ceil(Math.max(0.1, ...values) * 10) * 10;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p) => `${p.data.name}<br/>${t('growth.output')}: ${formatPercent(p.data.value[0] / 100, lang, { signed: true })}`
          + `<br/>${t('growth.energy')}: ${formatPercent(p.data.value[1] / 100, lang, { signed: true })}`,
      },
      legend: { data: QUADRANTS.map((q) => t(`quadrant.${q}`)), bottom: 0 },
      grid: { left: 60, right: 30, top: 30, bottom: 60 },
      xAxis: { type: 'value', name: t('growth.output'), min: -reach, max: reach, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'value', name: t('growth.energy'), min: -reach, max: reach, axisLabel: { formatter: '{value}%' } },
      series: QUADRANTS.map((q, i) => ({
        name: t(`quadrant.${q}`),
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: QUADRANT_COLOURS[q] },
        data: lines.filter((g) => g.quadrant === q)
          .map((g) => ({ name: nameOf(g.enterprise), value: [g.output_growth * 100, g.energy_growth * 100] })),
        // Axes and the elasticity-1 diagonal drawn once, with the first series.
        markLine: i === 0 ? {
          symbol: 'none', silent: true, lineStyle: { color: '#999' }, label: { show: false },
          data: [{ xAxis: 0 }, { yAxis: 0 }, [{ coord: [-reach, -reach] }, { coord: [reach, reach] }]],
        } : undefined,
      })),
    };
  }, [growth.data, names.data, lang]);

  return (
    <div class="page" data-testid="ranking-page">
      <div class="toolbar">
        <h1>{t('ranking.title')}</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
        <label>
          {t('ranking.indicator')}
          <select data-testid="indicator-select" value={indicator} onChange={(e) => { setIndicator(e.currentTarget.value); setGroupIndex(0); }}>
            {indicatorChoices.map((id) => <option key={id} value={id}>{tOr(`ind.${id}`, id)}</option>)}
          </select>
        </label>
        {groups.length > 1 && (
          <label>
            {t('ranking.industry')}
            <select data-testid="industry-select" value={groupIndex} onChange={(e) => setGroupIndex(Number(e.currentTarget.value))}>
              {groups.map((g, i) => <option key={g.industry} value={i}>{g.industry} ({g.count})</option>)}
            </select>
          </label>
        )}
      </div>

      {classes.data?.class_counts && (
        <div class="class-counts" data-testid="class-counts">
          {t('ranking.classCounts')}:
          {Object.entries(classes.data.class_counts).map(([cls, n]) => (
            <span key={cls} class="tag" style={{ borderColor: classColour(cls) }}>{tOr(`class.${cls}`, cls)} {n}</span>
          ))}
          {classes.data.class_rule?.share && (
            <span class="muted" data-testid="class-rule">
              {' '}{t('ranking.classRule', { rule: tOr(`classRule.${classes.data.class_rule.share}`, classes.data.class_rule.share_formula) })}
            </span>
          )}
        </div>
      )}

      {ranking.loading && <p class="muted">{t('common.loading')}</p>}
      {ranking.data && (
        <p class="muted">
          {t('ranking.meta', {
            unit: unitLabel(unit, lang),
            direction: tOr(`direction.${ranking.data.direction}`, ranking.data.direction || ''),
            policy: ranking.data.policy_version || '',
            basis: tOr(`state.basis.${ranking.data.energy_basis?.id}`, ranking.data.energy_basis?.name || ''),
          })}
        </p>
      )}

      <div class="grid">
        <section class="panel wide">
          <h2>{t('ranking.chart')}{group ? ` · ${group.industry}` : ''}</h2>
          {rankingOption ? <Chart option={rankingOption} testid="ranking-chart" /> : <p class="muted">{t('common.noData')}</p>}
        </section>

        {/* the quadrants before the tables: with 3–10 peers in each of several industries the tables run long */}
        <section class="panel wide">
          <h2>{t('growth.title')}</h2>
          <p class="muted">{t('growth.explain', { year_earlier: growth.data?.year_earlier || '' })}</p>
          <Chart option={growthOption} height="420px" testid="growth-chart" />
        </section>

        <section class="panel wide">
          <h2>{t('ranking.table')}</h2>
          {groups.map((g) => (
            <table key={g.industry} class="ranking" data-testid={`ranking-table-${g.industry}`}>
              <caption>
                {t('ranking.groupCaption', {
                  industry: g.industry, count: g.count,
                  frontrunner: formatQuantity(g.frontrunner, unit, lang),
                  median: formatQuantity(g.median, unit, lang),
                  mean: formatQuantity(g.mean, unit, lang),
                })}
              </caption>
              <thead>
                <tr>
                  <th class="num">{t('ranking.rank')}</th><th>{t('common.enterprise')}</th>
                  <th class="num">{t('ranking.value')}</th><th class="num">{t('ranking.gap')}</th>
                  <th class="num">{t('ranking.gapPercent')}</th><th class="num">{t('ranking.percentile')}</th>
                  <th>{t('ranking.class')}</th>
                </tr>
              </thead>
              <tbody>
                {(g.ranking || []).map((r) => {
                  const cls = classOf[r.enterprise];
                  return (
                    <tr key={r.enterprise} data-testid={`ranking-row-${r.enterprise}`}>
                      <td class="num">{r.rank}{(g.leaders || []).includes(r.enterprise) ? ' ★' : ''}</td>
                      <td><a href={enterpriseHref(r.enterprise)} data-testid={`enterprise-link-${r.enterprise}`}>{nameOf(r.enterprise)}</a></td>
                      <td class="num">{formatQuantity(r.value, unit, lang)}</td>
                      <td class="num">{formatQuantity(r.gap_to_frontrunner, unit, lang)}</td>
                      <td class="num">{formatPercentPoints(r.gap_percent, lang)}</td>
                      <td class="num">{formatNumber(r.percentile, lang, 0)}</td>
                      <td><ClassTag cls={cls?.class} reason={cls?.reason} message={cls?.reason_message} state={cls?.data_state} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
          {(ranking.data?.unranked || []).length > 0 && (
            <div class="unranked" data-testid="unranked">
              <h3>{t('ranking.unranked')}</h3>
              <ul>
                {ranking.data.unranked.map((u) => (
                  <li key={u.enterprise}>
                    <a href={enterpriseHref(u.enterprise)} data-testid={`enterprise-link-${u.enterprise}`}>{nameOf(u.enterprise)}</a>
                    <span class="muted" data-testid={`unranked-why-${u.enterprise}`}> · {missingText(u)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

/** A class, or why there is none; {@code message} is the API's reason_message, {@code reason} its English text. */
export function ClassTag({ cls, reason, message, state }) {
  if (!cls && state?.state === 'insufficient') {
    return <span class="tag insufficient" title={describeState(state)}>{t('state.insufficient')}</span>;
  }
  const why = reason || message ? classReasonText(message, reason, state) : '';
  if (!cls) return <span class="muted" title={why}>{why || '—'}</span>;
  return <span class="tag class-tag" style={{ background: classColour(cls) }} title={why}>{cls}</span>;
}
