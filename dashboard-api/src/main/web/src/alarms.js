// Alarms reach the UI from GET …/alarms and from `alarm` events of the live stream. Both shapes are
// accepted: the flat one ({id, rule, subject: "gw-south", state, message, acknowledged_by}) and the
// API's ({id, rule, kind, subject: {kind, id}, detail, detail_message, unit, acknowledged: {by, note}}), the live
// event possibly wrapped as {event, at, alarm: {…}}.

export const ALARM_KINDS = ['power_above', 'gateway_offline', 'meter_silent', 'night_water_rise', 'energy_outgrows_output',
  'budget_at_risk', 'intensity_off_track'];

/** @returns {{id, rule, kind, subject, state, value, threshold, unit, since, message, acknowledged_by, note, severity}|null} */
export function normalizeAlarm(raw) {
  const a = raw && typeof raw.alarm === 'object' && raw.alarm !== null ? raw.alarm : raw;
  if (!a || a.id === undefined || a.id === null) return null;
  const subject = typeof a.subject === 'object' && a.subject !== null ? a.subject.id : a.subject;
  return {
    id: String(a.id),
    rule: a.rule || '',
    kind: a.kind || '',
    severity: a.severity || '',
    subject: subject || '',
    state: a.state || raw.event || 'raised',
    value: a.value,
    threshold: a.threshold,
    unit: a.unit || '',
    since: a.since,
    message: a.message ?? a.detail ?? '',
    detail_message: a.detail_message ?? null,
    acknowledged_by: a.acknowledged_by ?? a.acknowledged?.by ?? null,
    note: a.note ?? a.acknowledged?.note ?? null,
  };
}

/**
 * Names, not ids, for alarm subjects: the park's (its budget and intensity alarms), its enterprises', meters',
 * machines' and gateways', from the live snapshot. An id without a name is left out (shown as it is).
 */
export function subjectNames(snapshot, park, parkName) {
  return Object.fromEntries([
    [park, parkName],
    ...(snapshot?.enterprises || []).flatMap((e) => [[e.id, e.name], ...(e.meters || []).map((m) => [m.id, m.name])]),
    ...(snapshot?.equipment || []).map((e) => [e.id, e.name]),
    ...(snapshot?.gateways || []).map((g) => [g.id, g.name]),
  ].filter(([, name]) => name));
}
