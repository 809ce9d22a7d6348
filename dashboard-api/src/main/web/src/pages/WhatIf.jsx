import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, parkPath, query, send } from '../api.js';
import { Chart } from '../Chart.jsx';
import { enterpriseNames } from '../enterpriseNames.js';
import { reportError } from '../errors.js';
import { missingText } from '../dataState.js';
import { formatNumber } from '../format.js';
import { getLang, t, tOr } from '../i18n.js';
import { currentPeriod } from '../period.js';
import { PeriodPicker } from '../PeriodPicker.jsx';
import { enterpriseHref } from '../router.js';
import { useLoad } from '../useLoad.js';
import { policyDraft, toYaml } from '../yaml.js';
import { ClassTag } from './Ranking.jsx';

/** The bars of each policy, the same in the legend. */
export const WHATIF_COLOURS = { current: '#9aa5b1', draft: '#2f6fde' };

/** A draft policy evaluated on the same data as the park's own: who changes class. */
export function WhatIfPage({ park }) {
  const lang = getLang();
  const [period, setPeriod] = useState(currentPeriod());
  const [draft, setDraft] = useState('');
  const [result, setResult] = useState(null);
  const [problems, setProblems] = useState(null);
  const [busy, setBusy] = useState(false);
  const names = useLoad((signal) => enterpriseNames(park, signal), [park]);

  useEffect(() => {
    const controller = new AbortController();
    getJson(parkPath(park, '/policy'), { signal: controller.signal })
      .then((answer) => setDraft((d) => d || toYaml(policyDraft(answer.policy || {}))), () => {});
    return () => controller.abort();
  }, [park]);

  async function evaluate(event) {
    event.preventDefault();
    setBusy(true);
    setProblems(null);
    try {
      const response = await send(parkPath(park, `/what-if${query({ period })}`), {
        method: 'POST', body: draft, contentType: 'application/yaml',
      });
      setResult(await response.json());
    } catch (e) {
      setResult(null);
      if (e.status === 422) setProblems({ error: e.body?.error, problems: e.problems || [] });
      else if (e.status !== 401) reportError(e);
    } finally {
      setBusy(false);
    }
  }

  const classes = useMemo(() => {
    if (!result) return [];
    return [...new Set([...Object.keys(result.class_counts || {}), ...Object.keys(result.draft_class_counts || {})])].sort();
  }, [result]);

  const option = useMemo(() => (!result ? null : {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('whatif.current'), t('whatif.draft')] },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: classes.map((c) => tOr(`class.${c}`, c)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      // one colour per series, so the legend's swatch is the colour of its bars (the classes are on the x axis)
      { name: t('whatif.current'), type: 'bar', itemStyle: { color: WHATIF_COLOURS.current }, data: classes.map((c) => result.class_counts?.[c] ?? 0) },
      { name: t('whatif.draft'), type: 'bar', itemStyle: { color: WHATIF_COLOURS.draft }, data: classes.map((c) => result.draft_class_counts?.[c] ?? 0) },
    ],
  }), [result, lang]);

  return (
    <div class="page" data-testid="what-if-page">
      <div class="toolbar">
        <h1>{t('whatif.title')}</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <p class="muted">{t('whatif.explain')}</p>
      <form onSubmit={evaluate} class="what-if-form">
        <textarea data-testid="what-if-draft" rows={18} spellcheck={false} value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="primary" data-testid="what-if-submit" disabled={busy || !draft.trim()}>
          {busy ? t('common.loading') : t('whatif.evaluate')}
        </button>
      </form>
      {problems && (
        <div class="error-banner" role="alert" data-testid="what-if-problems">
          <strong>{problems.error || t('whatif.invalid')}</strong>
          <ul>{problems.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      {result && (
        <div class="grid" data-testid="what-if-result">
          <section class="panel">
            <h2>{t('whatif.counts')}</h2>
            <p class="muted">
              {t('whatif.versions', { current: result.policy_version || '', draft: result.draft_policy_version || '' })}
              {' · '}{t('whatif.unchanged', { count: formatNumber(result.unchanged, lang, 0) })}
            </p>
            <Chart option={option} height="260px" testid="what-if-chart" />
          </section>
          <section class="panel">
            <h2>{t('whatif.changes', { count: (result.changes || []).length })}</h2>
            <table data-testid="what-if-changes">
              <thead>
                <tr>
                  <th>{t('common.enterprise')}</th><th>{t('whatif.current')}</th><th>{t('whatif.draft')}</th>
                  <th class="num">{t('whatif.score')}</th><th class="num">{t('whatif.draftScore')}</th><th>{t('whatif.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {(result.changes || []).map((c) => (
                  <tr key={c.enterprise}>
                    <td><a href={enterpriseHref(c.enterprise)} data-testid={`enterprise-link-${c.enterprise}`}>{names.data?.[c.enterprise] || c.enterprise}</a></td>
                    <td><ClassTag cls={c.class} reason={c.reason} message={c.reason_message} state={c.data_state} /></td>
                    <td><ClassTag cls={c.draft_class} reason={c.draft_reason} message={c.draft_reason_message} state={c.draft_data_state} /></td>
                    <td class="num">{formatNumber(c.score, lang, 1)}</td>
                    <td class="num">{formatNumber(c.draft_score, lang, 1)}</td>
                    <td class="muted">{missingText({ missing: c.draft_reason, missing_message: c.draft_reason_message, data_state: c.draft_data_state })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </div>
  );
}
