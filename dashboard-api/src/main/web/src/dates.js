// Periods as the API spells them (2026-10, 2026-10-05), in the browser's local calendar.

function pad(n) {
  return String(n).padStart(2, '0');
}

export function dayId(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function monthId(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The last complete month: the default period, since the running month has no output report yet. */
export function previousMonth(now = new Date()) {
  return monthId(new Date(now.getFullYear(), now.getMonth() - 1, 1));
}

/** The n months ending with `last` (YYYY-MM), oldest first. */
export function monthsEnding(last, n) {
  const [year, month] = last.split('-').map(Number);
  const months = [];
  for (let i = n - 1; i >= 0; i--) months.push(monthId(new Date(year, month - 1 - i, 1)));
  return months;
}

export function isMonthId(text) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text || '');
}
