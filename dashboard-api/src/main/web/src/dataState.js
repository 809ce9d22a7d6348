// How far a figure can be trusted (the API's data_state: complete, partial or insufficient, with
// reasons as codes and args), said in the reader's language. Never a silent default: an
// insufficient figure shows why instead of a number.
import { t, tOr } from './i18n.js';
import { describeMessage } from './messages.js';

/** One reason in the current language; carrier and basis args are translated too. */
export function describeReason(reason) {
  const args = { ...(reason.args || {}) };
  if (args.carrier) args.carrier = tOr(`state.carrier.${args.carrier}`, args.carrier);
  if (args.basis) args.basis = tOr(`state.basis.${args.basis}`, args.basis);
  return tOr(`state.reason.${reason.code}`, reason.text, args);
}

/** Every reason of a state, joined; empty for a complete one. */
export function describeState(state) {
  if (!state || !state.reasons) return '';
  return state.reasons.map(describeReason).join(t('state.separator'));
}

/** "insufficient data: no output report for 2026-11" — the label and the reasons. */
export function stateSummary(state) {
  if (!state || state.state === 'complete') return t('state.complete');
  return `${t(`state.${state.state}`)}: ${describeState(state)}`;
}

export const isSufficient = (state) => !state || state.state !== 'insufficient';

/**
 * Why an API figure has no value, in the reader's language: the data state when it is insufficient, else the
 * missing_message (with the year-earlier state's reasons when that is what is short), else the API's English note.
 */
export function missingText(item) {
  if (item?.data_state && item.data_state.state === 'insufficient') return stateSummary(item.data_state);
  const message = item?.missing_message;
  if (message?.code === 'insufficient_data_for' && item.year_earlier_data_state?.state === 'insufficient') {
    return `${describeMessage(message)}: ${describeState(item.year_earlier_data_state)}`;
  }
  return describeMessage(message, item?.missing);
}

/** Why an enterprise has no class (out of scope, not graded, data short), in the reader's language. */
export function classReasonText(message, text, state) {
  if (state?.state === 'insufficient') return stateSummary(state);
  return describeMessage(message, text);
}

/** A note under a figure that is there but rests on partial data ("partial data: electricity known over 93.8 %"). */
export function partialNote(item) {
  return item?.data_state?.state === 'partial' ? stateSummary(item.data_state) : '';
}
