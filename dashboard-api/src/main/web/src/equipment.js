// Equipment states of the live panel (`equipment` of GET …/live/snapshot and the live stream):
// the states equipment reports, and the order an operator wants them in — faults first.

export const EQUIPMENT_STATES = ['running', 'idle', 'fault', 'off'];

const ORDER = { fault: 0, running: 1, idle: 2, off: 3 };

/** The state to show: one of EQUIPMENT_STATES, or 'unknown' (not reported yet, or a state this UI does not know). */
export function shownState(state) {
  return EQUIPMENT_STATES.includes(state) ? state : 'unknown';
}

/** Faults first, then running, idle, off, unknown; by name within a state. Does not change `list`. */
export function sortEquipment(list) {
  const rank = (e) => ORDER[shownState(e.state)] ?? EQUIPMENT_STATES.length;
  return [...(list || [])].sort((a, b) => rank(a) - rank(b)
    || String(a.name || a.id).localeCompare(String(b.name || b.id)));
}

/** How many are in each shown state: {running: 3, fault: 1, …}. */
export function countStates(list) {
  const counts = {};
  for (const e of list || []) counts[shownState(e.state)] = (counts[shownState(e.state)] || 0) + 1;
  return counts;
}
