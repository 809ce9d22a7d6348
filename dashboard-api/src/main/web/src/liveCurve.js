// Today's load curve grows with the live stream between refreshes of GET …/load.

// Live points closer than this replace the curve's last live point instead of adding one, so a day
// of one-second rollups stays a few thousand points.
export const CURVE_SPACING_MS = 10000;

export function epochMs(at) {
  return typeof at === 'number' ? at : Date.parse(at);
}

// When the newest live point of a curve was first added; curves from GET …/load have none.
const liveTailStarts = new WeakMap();

/** The curve with a live total added; a point older than the curve's end is ignored. */
export function extendCurve(curve, atMs, kw) {
  if (!Number.isFinite(atMs) || typeof kw !== 'number') return curve;
  const last = curve[curve.length - 1];
  if (last && atMs < last[0]) return curve;
  const tailStart = liveTailStarts.get(curve);
  const replaceTail = tailStart !== undefined && atMs - tailStart < CURVE_SPACING_MS;
  const next = (replaceTail ? curve.slice(0, -1) : curve.slice()).concat([[atMs, kw]]);
  liveTailStarts.set(next, replaceTail ? tailStart : atMs);
  return next;
}

/** The curve up to its last known value: GET …/load answers the whole day, the hours to come as null. */
export function withoutTrailingGaps(curve) {
  let end = curve.length;
  while (end > 0 && (curve[end - 1][1] === null || curve[end - 1][1] === undefined)) end--;
  return end === curve.length ? curve : curve.slice(0, end);
}
