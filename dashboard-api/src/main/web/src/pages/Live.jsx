import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getJson, parkPath, postJson, query } from '../api.js';
import { normalizeAlarm, subjectNames } from '../alarms.js';
import { Chart } from '../Chart.jsx';
import { parkTimeAxis, parkTimeTooltip, ticksBetween } from '../chartTime.js';
import { dayId, formatClock, formatMoment, getParkZone, nextDay, previousDay, startOfDay, zoneLabel } from '../dates.js';
import { countStates, shownState, sortEquipment } from '../equipment.js';
import { reportError } from '../errors.js';
import { formatElapsed, formatFlow, formatNumber, formatPower, formatQuantity } from '../format.js';
import { ageText, newest, staleText, staleTitle } from '../freshness.js';
import { getLang, t, tOr } from '../i18n.js';
import { describeAlarmDetail } from '../messages.js';
import { epochMs, extendCurve, withoutTrailingGaps } from '../liveCurve.js';
import { openLiveStream } from '../liveStream.js';
import { enterpriseHref } from '../router.js';
import { currentSession } from '../session.js';

const ROTATE_MS = 15000;
const LOAD_REFRESH_MS = 15 * 60 * 1000;
const AXIS_STEP_HOURS = 3;
const BIG_PANELS = ['load', 'enterprises', 'water', 'equipment', 'gateways', 'alarms'];

/** The park's days of the load chart around `nowMs`: today, its start and end, and yesterday's start (epoch ms). */
export function loadDays(nowMs) {
  const day = dayId(nowMs);
  return { day, start: startOfDay(day), end: startOfDay(nextDay(day)), yesterdayStart: startOfDay(previousDay(day)) };
}

/**
 * The live page. An operator sees the whole park; an enterprise (`enterprise`: its {id, name}) sees what the API
 * scopes to it: its own load, meters, equipment and alarms, no park totals and no gateways.
 */
export function LivePage({ park, parkName, big, enterprise }) {
  const lang = getLang();
  const operator = !enterprise;
  const [snapshot, setSnapshot] = useState(null);
  const [today, setToday] = useState([]);
  const [yesterday, setYesterday] = useState([]);
  const [days, setDays] = useState(() => loadDays(Date.now()));
  const [alarms, setAlarms] = useState({});
  const [status, setStatus] = useState('connecting');
  const [panel, setPanel] = useState(0);
  const now = useServerNow(snapshot);
  const daysRef = useRef(days);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    const fail = (e) => { if (e.name !== 'AbortError' && e.status !== 401) reportError(e); };
    getJson(parkPath(park, '/live/snapshot'), { signal }).then(setSnapshot, fail);
    getJson(parkPath(park, `/alarms${query({ state: 'active' })}`), { signal })
      .then((a) => setAlarms(Object.fromEntries((a.alarms || []).map(normalizeAlarm).filter(Boolean)
        .filter((x) => x.state !== 'cleared').map((x) => [x.id, x]))), fail);
    const loadCurves = () => {
      const d = loadDays(Date.now());
      daysRef.current = d;
      setDays(d);
      const curves = operator
        ? getJson(parkPath(park, `/load${query({ day: d.day })}`), { signal })
          .then((l) => ({ today: l.today || [], yesterday: l.yesterday || [] }))
        // an enterprise: its own power, from the park's midnight yesterday to the end of today
        : getJson(parkPath(park, `/enterprises/${encodeURIComponent(enterprise.id)}/series${query({
          quantity: 'power_kw', step: 'PT15M', from: new Date(d.yesterdayStart).toISOString(), to: new Date(d.end).toISOString(),
        })}`), { signal }).then((series) => {
          const points = series.points || [];
          return { today: points.filter(([ms]) => ms >= d.start), yesterday: points.filter(([ms]) => ms < d.start) };
        });
      return curves.then((c) => { setToday(withoutTrailingGaps(c.today)); setYesterday(c.yesterday); }, fail);
    };
    loadCurves();
    const refresh = setInterval(loadCurves, LOAD_REFRESH_MS);
    const close = openLiveStream(park, {
      onStatus: setStatus,
      onEvent: (type, data) => {
        if (type === 'snapshot' || type === 'rollup') {
          setSnapshot(data);
          const at = epochMs(data.at);
          if (at >= daysRef.current.end) {
            loadCurves(); // the park's day ended: a new today
            return;
          }
          const kw = operator ? data.total_power_kw : (data.enterprises || []).find((e) => e.id === enterprise.id)?.power_kw;
          setToday((curve) => extendCurve(curve, at, kw));
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
  }, [park, enterprise?.id]);

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
  const subjectName = useMemo(() => subjectNames(snapshot, park, parkName), [snapshot, park, parkName]);
  const own = operator ? null : (snapshot?.enterprises || []).find((e) => e.id === enterprise.id) || null;
  const gateways = snapshot?.gateways || [];
  const online = gateways.filter((g) => g.online).length;
  const activeAlarms = Object.values(alarms).sort((a, b) => String(b.since).localeCompare(String(a.since)));

  const ticks = useMemo(() => ticksBetween(days.start, days.end, AXIS_STEP_HOURS), [days]);
  const loadOption = useMemo(() => ({
    tooltip: parkTimeTooltip((v) => formatPower(v, lang)),
    legend: { data: [t('live.today'), t('live.yesterday')] },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: parkTimeAxis({ min: days.start, max: days.end, ticks }),
    yAxis: { type: 'value', name: 'kW' },
    series: [
      { name: t('live.today'), type: 'line', showSymbol: false, data: today },
      // Yesterday drawn on today's clock (from the park's midnight: a clock-change day is an hour short or long).
      { name: t('live.yesterday'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' },
        data: yesterday.map(([ms, kw]) => [ms - days.yesterdayStart + days.start, kw]) },
    ],
  }), [today, yesterday, days, lang]);

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
      <section class="panel wide" key="load" data-testid="load-panel" data-day={days.day} data-axis-min={days.start}
        data-axis-max={days.end} data-today-first={today[0]?.[0] ?? ''} data-labels={ticks.map((x) => formatClock(x)).join(',')}>
        <h2>{operator ? t('live.loadCurve') : t('live.ownLoadCurve')}</h2>
        <Chart option={loadOption} dark={big} height={big ? '60vh' : '300px'} testid="load-chart" />
        <p class="muted zone-note" data-testid="load-zone">{days.day} · {t('zone.parkTime', { zone: zoneLabel(getParkZone(), lang) })}</p>
      </section>
    ),
    enterprises: (
      <section class="panel" key="enterprises">
        <h2>{t('live.byEnterprise')}</h2>
        <Chart option={enterpriseOption} dark={big} height={big ? '60vh' : '360px'} testid="enterprise-power-chart" />
        {!big && (
          <div class="table-scroll">
          <table class="compact" data-testid="live-enterprise-table">
            <thead><tr><th>{t('common.enterprise')}</th><th class="num">{t('live.power')}</th><th class="num">{t('live.water')}</th></tr></thead>
            <tbody>
              {enterprises.map((e) => (
                <tr key={e.id}>
                  <td>
                    {operator
                      ? <a href={enterpriseHref(e.id)} data-testid={`enterprise-link-${e.id}`}>{e.name || e.id}</a>
                      : <span>{e.name || e.id}</span>}
                    {(e.stale_meters || []).length > 0 && (
                      <span class="muted stale" data-testid={`stale-${e.id}`} title={staleMetersTitle(e, now)}>
                        {' '}{t('live.staleMeters', { count: e.stale_meters.length })}
                      </span>
                    )}
                  </td>
                  <td class="num"><Figure testid={`power-${e.id}`} value={e.power_kw} at={e.power_at} now={now}
                    format={(v) => formatPower(v, lang)} lastAt={lastValuesAt(e, 'electricity')} /></td>
                  <td class="num"><Figure testid={`water-${e.id}`} value={e.water_flow_m3h} at={e.water_at} now={now}
                    format={(v) => formatFlow(v, lang)} lastAt={lastValuesAt(e, 'water')} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
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
            const never = e.last_seen === null || e.last_seen === undefined;
            const quiet = e.stale || never;
            const state = quiet && !e.state ? 'stale' : shownState(e.state);
            return (
              <li key={e.id} class={`equipment-item ${state}`} data-testid={`equipment-${e.id}`} data-state={state}
                data-stale={String(!!quiet)} title={quiet ? staleTitle(e.values_at ?? e.last_seen, e.max_age_ms, now) : undefined}>
                <span class="name">{e.name || e.id}</span>
                <span class={`tag state ${state}`}>{state !== 'stale' ? t(`equipment.state.${state}`) : never ? t('common.noData') : t('live.stale')}</span>
                <span class="muted">
                  {e.enterprise ? `${enterpriseName[e.enterprise] || e.enterprise} · ` : ''}
                  {quiet
                    ? staleText(e.values_at ?? e.last_seen ?? null, now)
                    : `${formatPower(e.power_kw, lang)}${e.since !== undefined && e.since !== null ? ` · ${t('live.stateFor', { age: formatElapsed(e.since, now) })}` : ''} · ${ageText(e.values_at, now)}`}
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
            <li key={g.id} data-testid={`gateway-${g.id}`} data-online={String(!!g.online)} data-stale={String(!!g.stale)}
              class={g.stale ? 'stale' : ''} title={g.stale ? staleTitle(g.last_seen, g.max_age_ms, now) : undefined}>
              <span class={`dot ${g.online && !g.stale ? 'ok' : 'bad'}`} />
              <span class="name">{g.name || g.id}</span>
              <span class="muted">
                {g.online ? t('live.online') : t('live.offline')} · {formatElapsed(g.since, now)}
                {' · '}{g.stale || g.last_seen === null ? staleText(g.last_seen, now) : t('live.lastReading', { age: ageText(g.last_seen, now) })}
              </span>
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
          {activeAlarms.map((a) => <AlarmRow key={a.id} alarm={a} big={big} onAck={operator ? acknowledge : null}
            subject={subjectName[a.subject] || a.subject} now={now} />)}
          {activeAlarms.length === 0 && <li class="muted" data-testid="alarm-none">{t('live.noAlarms')}</li>}
        </ul>
      </section>
    ),
  };

  // the same tile for the operator's and the enterprise's page
  const alarmsKpi = (
    <div class="kpi">
      <div class="kpi-label">{t('live.activeAlarms')}</div>
      <div class={`kpi-value ${activeAlarms.length ? 'alarm' : ''}`} data-testid="alarm-count">{activeAlarms.length}</div>
      <div class="kpi-note muted" data-testid="live-status" data-status={status}>{t(`live.status.${status}`)}</div>
    </div>
  );
  const kpis = operator ? (
    <div class="kpis">
      <div class="kpi">
        <div class="kpi-label">{t('live.totalPower')}</div>
        <div class="kpi-value" data-testid="total-power" data-kw={snapshot?.total_power_kw ?? ''}>
          <KpiFigure text={formatPower(snapshot?.total_power_kw, lang)} />
        </div>
        <div class="kpi-note muted" data-testid="live-updated-at">
          <span data-testid="total-power-age">{snapshot?.total_power_at ? ageText(snapshot.total_power_at, now) : staleText(null, now)}</span>
          {(snapshot?.stale_meters || []).length > 0 && (
            <span class="stale" data-testid="stale-total" title={snapshot.stale_meters.map((id) => subjectName[id] || id).join(', ')}>
              {' · '}{t('live.staleMetersNotSummed', { count: snapshot.stale_meters.length })}
            </span>
          )}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.waterFlow')}</div>
        <div class="kpi-value" data-testid="total-water"><KpiFigure text={formatFlow(snapshot?.water_flow_m3h, lang)} /></div>
        <div class="kpi-note muted">
          {snapshot?.water_flow_at ? `${ageText(snapshot.water_flow_at, now)} · ` : ''}
          {t('live.enterpriseCount', { count: formatNumber(enterprises.length, lang, 0) })}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.gatewaysOnline')}</div>
        <div class={`kpi-value ${online < gateways.length ? 'warn' : ''}`} data-testid="gateways-online">{online}/{gateways.length}</div>
        <div class="kpi-note muted">{t('live.equipment')}</div>
      </div>
      {alarmsKpi}
    </div>
  ) : (
    <div class="kpis">
      <div class="kpi">
        <div class="kpi-label">{t('live.ownPower')}</div>
        <div class={`kpi-value ${own?.power_kw === null ? 'stale' : ''}`} data-testid="own-power" data-kw={own?.power_kw ?? ''}>
          <KpiFigure text={formatPower(own?.power_kw, lang)} />
        </div>
        <div class="kpi-note muted" data-testid="own-power-age">
          {own?.power_kw !== null && own?.power_kw !== undefined ? ageText(own.power_at, now) : staleText(own ? lastValuesAt(own, 'electricity') : null, now)}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.ownWater')}</div>
        <div class="kpi-value" data-testid="own-water"><KpiFigure text={formatFlow(own?.water_flow_m3h, lang)} /></div>
        <div class="kpi-note muted">
          {own?.water_flow_m3h !== null && own?.water_flow_m3h !== undefined ? ageText(own.water_at, now) : staleText(own ? lastValuesAt(own, 'water') : null, now)}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('live.equipmentStates')}</div>
        <div class="kpi-value">{formatNumber(equipment.length, lang, 0)}</div>
        <div class="kpi-note muted">{t('live.equipmentFaults', { count: faults })}</div>
      </div>
      {alarmsKpi}
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
  if (!operator) {
    return (
      <div class="live" data-testid="live-page" data-scope="enterprise">
        {kpis}
        <div class="grid">
          {panels.load}
          <OwnMeters enterprise={own} now={now} lang={lang} />
          {panels.equipment}
          {panels.alarms}
        </div>
      </div>
    );
  }
  return (
    <div class="live" data-testid="live-page" data-scope="park">
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

/** Now on the server's clock, ticking each second: ages are judged against what the API judged staleness by. */
function useServerNow(snapshot) {
  const [tick, setTick] = useState(Date.now());
  const offset = useRef(0);
  useEffect(() => {
    if (typeof snapshot?.now === 'number') offset.current = snapshot.now - Date.now();
  }, [snapshot]);
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return tick + offset.current;
}

/** The newest device time of an enterprise's billing meters of a kind, fresh or not: "no data since" that. */
function lastValuesAt(enterprise, kind) {
  return newest((enterprise?.meters || []).filter((m) => m.kind === kind && m.role === 'main').map((m) => m.values_at));
}

function staleMetersTitle(enterprise, now) {
  const byId = Object.fromEntries((enterprise.meters || []).map((m) => [m.id, m]));
  return enterprise.stale_meters.map((id) => `${byId[id]?.name || id}: ${staleText(byId[id]?.values_at ?? null, now)}`).join('\n');
}

/** A headline figure with its unit set smaller ("1,311.9 m³/h"), so a big-screen tile holds it; the text is unchanged. */
function KpiFigure({ text }) {
  const space = text.lastIndexOf(' ');
  if (space < 0) return text;
  return <>{text.slice(0, space)}<span class="kpi-unit">{text.slice(space)}</span></>;
}

/** A live value with its age, or — once it is too old to be current — greyed, saying since when there is none. */
function Figure({ testid, value, at, lastAt, now, format }) {
  if (value !== null && value !== undefined) {
    return (
      <span data-testid={testid} data-stale="false">
        {format(value)} <span class="muted age" data-testid={`${testid}-age`}>{ageText(at, now)}</span>
      </span>
    );
  }
  return (
    <span class="stale" data-testid={testid} data-stale={String(lastAt !== null)}>
      {lastAt !== null ? staleText(lastAt, now) : '—'}
    </span>
  );
}

/** The enterprise's own electricity and water meters: value and age, or stale since when. */
function OwnMeters({ enterprise, now, lang }) {
  const meters = enterprise?.meters || [];
  return (
    <section class="panel" key="meters">
      <h2>{t('live.ownMeters')}</h2>
      <table class="compact" data-testid="own-meters">
        <thead><tr><th>{t('live.meter')}</th><th class="num">{t('live.value')}</th><th class="num">{t('live.age')}</th></tr></thead>
        <tbody>
          {meters.map((m) => {
            const value = m.kind === 'electricity' ? m.power_kw : m.flow_m3h;
            const fresh = value !== null && value !== undefined;
            return (
              <tr key={m.id} data-testid={`meter-${m.id}`} data-stale={String(!!m.stale)} class={m.stale ? 'stale' : ''}
                title={m.stale ? staleTitle(m.values_at, m.max_age_ms, now) : undefined}>
                <td>{m.name || m.id} <span class="muted">{t(`live.kind.${m.kind}`)} · {t(`live.role.${m.role}`)}</span></td>
                <td class="num" data-testid={`meter-value-${m.id}`}>
                  {fresh ? (m.kind === 'electricity' ? formatPower(value, lang) : formatFlow(value, lang)) : staleText(m.values_at ?? m.last_seen ?? null, now)}
                </td>
                <td class="num muted" data-testid={`meter-age-${m.id}`}>{ageText(m.values_at ?? m.last_seen ?? null, now)}</td>
              </tr>
            );
          })}
          {meters.length === 0 && <tr><td colSpan={3} class="muted">{t('common.none')}</td></tr>}
        </tbody>
      </table>
    </section>
  );
}

function AlarmRow({ alarm, big, onAck, subject, now }) {
  const lang = getLang();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = alarm.id;
  return (
    <li class={`alarm ${alarm.state}`} data-testid={`alarm-${id}`} data-state={alarm.state}>
      {/* the rule's id is the park file's identifier, not a text: on hover, not in the sentence people read */}
      <div class="alarm-head" title={alarm.rule ? `${t('alarm.rule')}: ${alarm.rule}` : undefined}>
        <strong>{tOr(`alarm.kind.${alarm.kind}`, alarm.rule || alarm.kind)}</strong>
        <span class="muted">{subject}</span>
        <span class={`tag ${alarm.state}`}>{tOr(`alarm.state.${alarm.state}`, alarm.state)}</span>
      </div>
      <div class="alarm-body">
        {alarm.message && <span data-testid={`alarm-detail-${id}`}>{describeAlarmDetail(alarm.detail_message, alarm.message)} · </span>}
        <span>{t('alarm.value')} {formatQuantity(alarm.value, alarm.unit, lang)} / {t('alarm.threshold')} {formatQuantity(alarm.threshold, alarm.unit, lang)}</span>
        <span class="muted" data-testid={`alarm-since-${id}`}> · {t('alarm.since')} {formatMoment(epochMs(alarm.since), now)} ({formatElapsed(alarm.since, now)})</span>
        {alarm.acknowledged_by && <span class="muted"> · {t('alarm.ackBy', { name: alarm.acknowledged_by })}</span>}
      </div>
      {!big && onAck && alarm.state === 'raised' && (
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
