// Messages the API sends as {code, args, text} beside an English text field (missing_message,
// reason_message, draft_reason_message, detail_message), said in the reader's language from the
// tables the monthly report reads too (resources/i18n/reasons.json, alarms.json). A message without
// a translation shows the API's English text, so it is noticed rather than lost.
import REASONS from '../../resources/i18n/reasons.json';
import ALARMS from '../../resources/i18n/alarms.json';
import LIMIT_STANDARDS from '../../resources/i18n/limit-standards.json';
import { DICTIONARY, getLang, tOr } from './i18n.js';
import { unitLabel } from './format.js';

for (const table of [REASONS, ALARMS, LIMIT_STANDARDS]) {
  Object.assign(DICTIONARY.zh, table.zh);
  Object.assign(DICTIONARY.en, table.en);
}

/** Args said in the reader's language: quantities, carriers, bases, quadrants, units. */
function sayArgs(args) {
  const said = { ...(args || {}) };
  if (said.quantity) said.quantity = tOr(`quantity.${said.quantity}`, said.quantity);
  if (said.carrier) said.carrier = tOr(`state.carrier.${said.carrier}`, said.carrier);
  if (said.basis) said.basis = tOr(`state.basis.${said.basis}`, said.basis);
  if (said.quadrant) said.quadrant = tOr(`quadrant.${said.quadrant}`, said.quadrant);
  if (said.unit) said.unit = unitLabel(said.unit, getLang());
  return said;
}

/** Why a figure is missing, out of scope or not graded; {@code fallback} (the English text) when there is no message. */
export function describeMessage(message, fallback = '') {
  if (!message || !message.code) return fallback || '';
  const args = sayArgs(message.args);
  if (message.args?.why) {
    // a message about another one: the other's code, and its args beside
    const { why, ...inner } = message.args;
    args.why = describeMessage({ code: why, args: inner, text: message.text });
  }
  return tOr(`reason.${message.code}`, message.text || fallback || '', args);
}

/** What an alarm measured: its own detail texts first, then the reasons it may repeat (a growth line's). */
export function describeAlarmDetail(message, fallback = '') {
  if (!message || !message.code) return fallback || '';
  const text = tOr(`alarm.detail.${message.code}`, null, sayArgs(message.args));
  return text ?? describeMessage(message, fallback);
}
