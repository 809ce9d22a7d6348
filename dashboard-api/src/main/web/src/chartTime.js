// Time axes and tooltips of ECharts on the park's clock: ECharts itself only knows the browser's
// zone (or UTC), so labels and tooltips are formatted here, and a day's ticks are placed from the
// park's midnight.
import { dayId, formatClock, formatParkDateTime, startOfDay } from './dates.js';

const DAY_MS = 86400000;

/** Every `stepHours` from `fromMs` up to `toMs` inclusive. */
export function ticksBetween(fromMs, toMs, stepHours) {
  const ticks = [];
  for (let at = fromMs; at <= toMs; at += stepHours * 3600000) ticks.push(at);
  return ticks;
}

/** Ticks every `stepHours` counted from the park's midnight before `fromMs`, those within [fromMs, toMs]. */
export function parkTicks(fromMs, toMs, stepHours) {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return undefined;
  return ticksBetween(startOfDay(dayId(fromMs)), toMs, stepHours).filter((at) => at >= fromMs);
}

/** An x axis of type time labelled in park time: "14:00" over a day or two, "12-06" over longer spans. */
export function parkTimeAxis({ min, max, ticks, spanMs } = {}) {
  const span = spanMs ?? (min !== undefined && max !== undefined ? max - min : DAY_MS);
  const label = span > 2 * DAY_MS ? (v) => dayId(v).slice(5) : (v) => formatClock(v);
  const axis = { type: 'time', axisLabel: { formatter: label, hideOverlap: true } };
  if (min !== undefined) axis.min = min;
  if (max !== undefined) axis.max = max;
  if (ticks) {
    axis.axisLabel.customValues = ticks;
    axis.axisTick = { customValues: ticks };
  }
  return axis;
}

/** An axis tooltip whose heading is the park time of the point, each series' value formatted. */
export function parkTimeTooltip(valueFormatter = (v) => String(v)) {
  return {
    trigger: 'axis',
    formatter: (params) => {
      const list = Array.isArray(params) ? params : [params];
      if (!list.length) return '';
      const at = list[0].value?.[0] ?? list[0].axisValue;
      const rows = list.map((p) => `${p.marker}${p.seriesName ? `${escape(p.seriesName)}: ` : ''}${escape(valueFormatter(p.value?.[1]))}`);
      return [escape(formatParkDateTime(at)), ...rows].join('<br/>');
    },
  };
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}
