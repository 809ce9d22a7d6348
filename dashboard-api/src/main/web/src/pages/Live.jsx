import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, parkPath, postJson, query } from '../api.js';
import { normalizeAlarm } from '../alarms.js';
import { Chart } from '../Chart.jsx';
import { dayId } from '../dates.js';
import { countStates, shownState, sortEquipment } from '../equipment.js';
import { reportError } from '../errors.js';
import { formatElapsed, formatFlow, formatNumber, formatPower, formatQuantity, formatTime } from '../format.js';
import { getLang, t, tOr } from '../i18n.js';
import { describeAlarmDetail } from '../messages.js';
import { epochMs, extendCurve } from '../liveCurve.js';
import { openLiveStream } from '../liveStream.js';
import { enterpriseHref } from '../router.js';
import { currentSession } from '../session.js';

const ROTATE_MS = 15000;
const LOAD_REFRESH_MS = 15 * 60 * 1000;
const DAY_MS = 86400000;
const BIG_PANELS = ['load', 'enterprises', 'water', 'equipment', 'gateways', 'alarms'];

export function LivePage({ park, big }) {
  const lang = getLang();
  const [snapshot, setSnapshot] = useState(null);
  const [today, setToday] = useState([]);
  const [yesterday, setYesterday] = useState([]);
  const [alarms, setAlarms] = useState({});
  const [status, setStatus] = useState('connecting');
  const [panel, setPanel] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    const fail = (e) => { if (e.name !== 'AbortError' && e.status !== 401) reportError(e); };
    getJson(parkPath(park, '/live/snapshot'), { signal }).then(setSnapshot, fail);
    getJson(parkPath(park, `/alarms${query({ state: 'active' })}`), { signal })
      .then((a) => setAlarms(Object.fromEntries((a.alarms || []).map(normalizeAlarm).filter(Boolean)
        .filter((x) => x.state !== 'cleared').map((x) => [x.id, x]))), fail);
    const loadCurves = () => getJson(parkPath(park, `/load${query({ day: dayId(new Date()) })}`), { signal })
      .then((l) => { setToday(l.today || []); setYesterday(l.yesterday || []); }, fail);
    loadCurves();
    const refresh = setInterval(loadCurves, LOAD_REFRESH_MS);
    const close = openLiveStream(park, {
      onStatus: setStatus,
      onEvent: (type, data) => {
        if (type === 'snapshot' || type === 'rollup') {
          setSnapshot(data);
          setToday((curve) => extendCurve(curve, epochMs(data.at), data.total_power_kw));
        } else if (type === 'alarm') {
          const alarm = normalizeAlarm(data);
          if (!alarm) return;
          setAlarms((all) => {
            const next = { ...all };
            if (alarm.state === 'cleared') delete next[alarm.id];
            else next[alarm.id] = alarm;
            return next;
          });
        }
      },
    });
    return () => { controller.abort(); clearInterval(refresh); close(); };
  }, [park]);

  useEffect(() => {
    if (!big) return undefined;
    const timer = setInterval(() => setPanel((p) => (p + 1) % BIG_PANELS.length), ROTATE_MS);
    return () => clearInterval(timer);
  }, [big]);

  const enterprises = useMemo(
    () => [...(snapshot?.enterprises || [])].sort((a, b) => (b.power_kw ?? 0) - (a.power_kw ?? 0)),
    [snapshot],
  );
  const equipment = useMemo(() => sortEquipment(snapshot?.equipment), [snapshot]);
  const faults = countStates(equipment).fault || 0;
  const enterpriseName = useMemo(
    () => Object.fromEntries((snapshot?.enterprises || []).map((e) => [e.id, e.name || e.id])),
    [snapshot],
  );
  const gateways = snapshot?.gateways || [];
  const online = gateways.filter((g) => g.online).length;
  const activeAlarms = Object.values(alarms).sort((a, b) => String(b.since).localeCompare(String(a.since)));

  const loadOption = useMemo(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatPower(v, lang) },
    legend: { data: [t('live.today'), t('live.yesterday')] },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'kW' },
    series: [
      { name: t('live.today'), type: 'line', showSymbol: false, data: today },
      // Yesterday drawn on today's clock.
      { name: t('live.yesterday'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' },
        data: yesterday.map(([ms, kw]) => [ms + DAY_MS, kw]) },
    ],
  }), [today, yesterday, lang]);

  const top = enterprises.slice(0, big ? 12 : 15).reverse();
  const enterpriseOption = useMemo(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatPower(v, lang) },
    grid: { left: 140, right: 30, top: 10, bottom: 30 },
    xAxis: { type: 'value', name: 'kW' },
    yAxis: { type: 'category', data: top.map((e) => e.name || e.id) },
    series: [{ type: 'bar', data: top.map((e) => e.power_kw) }],
  }), [snapshot, lang, big]);

  const byWater = [...enterprises].sort((a, b) => (b.water_flow_m3h ?? 0) - (a.water_flow_m3h ?? 0))
    .slice(0, big ? 12 : 15).reverse();
  const waterOption = useMemo(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatFlow(v, lang) },
    grid: { left: 140, right: 30, top: 10, bottom: 30 },
    xAxis: { type: 'value', name: 'm³/h' },
    yAxis: { type: 'category', data: byWater.map((e) => e.name || e.id) },
    series: [{ type: 'bar', itemStyle: { color: '#3ba0e6' }, data: byWater.map((e) => e.water_flow_m3h) }],
  }), [snapshot, lang, big]);

  async function acknowledge(alarm, note) {
    try {
      await postJson(parkPath(park, `/alarms/${encodeURIComponent(alarm.id)}/ack`), { note });
      setAlarms((all) => ({
        ...all,
        [alarm.id]: { ...alarm, state: 'acknowledged', acknowledged_by: currentSession()?.name, note },
      }));
    } catch (e) {
      if (e.status !== 401) reportError(e);
    }
  }

  const panels = {
    load: (
      <section class="panel wide" key="load">
        <h2>{t('live.loadCurve')}</h2>
        <Chart option={loadOption} dark={big} height={big ? '60vh' : '300px'} testid="load-chart" />
      </section>
    ),
    enterprises: (
      <section class="panel" key="enterprises">
        <h2>{t('live.byEnterprise')}</h2>
        <Chart option={enterpriseOption} dark={big} height={big ? '60vh' : '360px'} testid="enterprise-power-chart" />
        {!big && (
          <table class="compact" data-testid="live-enterprise-table">
            <thead><tr><th>{t('common.enterprise')}</th><th class="num">{t('live.power')}</th><th class="num">{t('live.water')}</th></tr></thead>
            <tbody>
              {enterprises.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={enterpriseHref(e.id)} data-testid={`enterprise-link-${e.id}`}>{e.name || e.id}</a>
                    {(e.stale_meters || []).length > 0 && (
                      <span class="muted stale" data-testid={`stale-${e.id}`} title={e.stale_meters.join(', ')}>
                        {' '}{t('live.staleMeters', { count: e.stale_meters.length })}
                      </span>
                    )}
                  </td>
                  <td class="num">{formatPower(e.power_kw, lang)}</td>
                  <td class="num">{formatFlow(e.water_flow_m3h, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    ),
    water: (
      <section class="panel" key="water">
        <h2>{t('live.waterByEnterprise')}</h2>
        <Chart option={waterOption} dark={big} height={big ? '60vh' : '360px'} testid="water-chart" />
      </section>
    ),
    equipment: (
      <section class="panel" key="equipment">
        <h2>{t('live.equipmentStates')} <span class={faults ? 'tag fault' : 'muted'}>{t('live.equipmentFaults', { count: faults })}</span></h2>
        <ul class="equipment" data-testid="equipment-states">
          {equipment.map((e) => {
            const state = shownState(e.state);
            return (
              <li key={e.id} class={`equipment-item ${state}`} data-testid={`equipment-${e.id}`} data-state={state}>
                <span class="name">{e.name || e.id}</span>
                <span class={`tag state ${state}`}>{t(`equipment.state.${state}`)}</span>
                <span class="muted">
                  {e.enterprise ? `${enterpriseName[e.enterprise] || e.enterprise} · ` : ''}
                  {formatPower(e.power_kw, lang)}
                  {e.since !== undefined && e.since !== null ? ` · ${formatElapsed(e.since)}` : ''}
                </span>
              </li>
            );
          })}
          {equipment.length === 0 && <li class="muted">{t('common.none')}</li>}
        </ul>
      </section>
    ),
    gateways: (
      <section class="panel" key="gateways">
        <h2>{t('live.gateways')} <span class="muted">{online}/{gateways.length}</span></h2>
        <ul class="gateways" data-testid="gateway-list">
          {gateways.map((g) => (
            <li key={g.id} data-testid={`gateway-${g.id}`} data-online={String(!!g.online)}>
              <span class={`dot ${g.online ? 'ok' : 'bad'}`} />
              <span class="name">{g.id}</span>
              <span class="muted">{g.online ? t('live.online') : t('live.offline')} · {formatElapsed(g.since)}</span>
            </li>
          ))}
          {gateways.length === 0 && <li class="muted">{t('common.none')}</li>}
        </ul>
      </section>
    ),
    alarms: (
      <section class="panel" key="alarms">
        <h2>{t('live.alarms')} <span class="muted">{activeAlarms.length}</span></h2>
        <ul class="alarms" data-testid="alarm-list">
          {activeAlarms.map((a) => <AlarmRow key={a.id} alarm={a} big={big} onAck={acknowledge} />)}
          {activeAlarms.length === 0 && <li class="muted" data-testid="alarm-none">{t('live.noAlarms')}</li>}
        </ul>
      </section>
    ),
  };

  const kpis = (
    <div class="kpis">
      <div class="kpi">
        <div class="kpi-label">{t('live.totalPower')}</div>
        <div class="kpi-value" data-testid="total-power" data-kw={snapshot?.total_power_kw ?? ''}>
          {formatPower(snapshot?.total_power_kw, lang)}
        </div>
        <div class="kpi-note muted" data-testid="live-updated-at">
          {t('live.at', { time: formatTime(snapshot?.at, lang) })}
          {(snapshot?.stale_meters || []).length > 0 && (
            <span class="stale" data-testid="stale-total" title={snapshot.stale_meters.join(', ')}>
              {' · '}{t('live.staleMetersNotSummed', { count: snapshot.stale_meters.length })}
            </span>
          )}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.waterFlow')}</div>
        <div class="kpi-value" data-testid="total-water">{formatFlow(snapshot?.water_flow_m3h, lang)}</div>
        <div class="kpi-note muted">{t('live.enterpriseCount', { count: formatNumber(enterprises.length, lang, 0) })}</div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.gatewaysOnline')}</div>
        <div class={`kpi-value ${online < gateways.length ? 'warn' : ''}`} data-testid="gateways-online">{online}/{gateways.length}</div>
        <div class="kpi-note muted">{t('live.equipment')}</div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.activeAlarms')}</div>
        <div class={`kpi-value ${activeAlarms.length ? 'alarm' : ''}`} data-testid="alarm-count">{activeAlarms.length}</div>
        <div class="kpi-note muted" data-testid="live-status" data-status={status}>{t(`live.status.${status}`)}</div>
      </div>
    </div>
  );

  if (big) {
    const name = BIG_PANELS[panel];
    return (
      <div class="live big-live" data-testid="live-page" data-screen="big">
        {kpis}
        <div class="rotating" data-testid="big-panel" data-panel={name}>{panels[name]}</div>
        <div class="rotation-dots">
          {BIG_PANELS.map((p, i) => (
            <button key={p} type="button" class={i === panel ? 'on' : ''} title={t(`live.panel.${p}`)}
              onClick={() => setPanel(i)} aria-label={t(`live.panel.${p}`)} />
          ))}
        </div>
      </div>
    );
  }
  return (
    <div class="live" data-testid="live-page">
      {kpis}
      <div class="grid">
        {panels.load}
        {panels.enterprises}
        {panels.water}
        {panels.equipment}
        {panels.gateways}
        {panels.alarms}
      </div>
    </div>
  );
}

function AlarmRow({ alarm, big, onAck }) {
  const lang = getLang();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = alarm.id;
  return (
    <li class={`alarm ${alarm.state}`} data-testid={`alarm-${id}`} data-state={alarm.state}>
      <div class="alarm-head">
        <strong>{tOr(`alarm.kind.${alarm.kind}`, alarm.rule || alarm.kind)}</strong>
        <span class="muted">{alarm.subject}{alarm.rule ? ` · ${alarm.rule}` : ''}</span>
        <span class={`tag ${alarm.state}`}>{tOr(`alarm.state.${alarm.state}`, alarm.state)}</span>
      </div>
      <div class="alarm-body">
        {alarm.message && <span data-testid={`alarm-detail-${id}`}>{describeAlarmDetail(alarm.detail_message, alarm.message)} · </span>}
        <span>{t('alarm.value')} {formatQuantity(alarm.value, alarm.unit, lang)} / {t('alarm.threshold')} {formatQuantity(alarm.threshold, alarm.unit, lang)}</span>
        <span class="muted"> · {t('alarm.since')} {formatTime(alarm.since, lang)} ({formatElapsed(alarm.since)})</span>
        {alarm.acknowledged_by && <span class="muted"> · {t('alarm.ackBy', { name: alarm.acknowledged_by })}</span>}
      </div>
      {!big && alarm.state === 'raised' && (
        <form class="alarm-ack" onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          await onAck(alarm, note);
          setBusy(false);
        }}>
          <input data-testid={`alarm-note-${id}`} placeholder={t('alarm.notePlaceholder')} value={note}
            onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="submit" data-testid={`alarm-ack-${id}`} disabled={busy}>{t('alarm.ack')}</button>
        </form>
      )}
    </li>
  );
}
