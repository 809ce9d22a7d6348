// The period every efficiency page looks at, shared between pages for the tab's life.
import { previousMonth } from './dates.js';

const KEY = 'parkpulse.period';

export function currentPeriod() {
  return (typeof sessionStorage !== 'undefined' && sessionStorage.getItem(KEY)) || previousMonth();
}

export function choosePeriod(period) {
  if (typeof sessionStorage !== 'undefined') sessionStorage.setItem(KEY, period);
}
