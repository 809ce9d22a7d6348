import { describe, expect, it } from 'vitest';
import { EQUIPMENT_STATES, countStates, shownState, sortEquipment } from '../src/equipment.js';

describe('equipment states', () => {
  it('knows the states the contract defines and shows anything else as unknown', () => {
    expect(EQUIPMENT_STATES).toEqual(['running', 'idle', 'fault', 'off']);
    expect(shownState('fault')).toBe('fault');
    expect(shownState(null)).toBe('unknown');
    expect(shownState(undefined)).toBe('unknown');
    expect(shownState('exploded')).toBe('unknown');
  });

  it('puts faults first, then running, idle, off and unknown, by name within a state', () => {
    const list = [
      { id: 'M-4', name: 'Press', state: 'off' },
      { id: 'M-1', name: 'Lathe', state: 'running' },
      { id: 'M-5', name: 'Oven', state: null },
      { id: 'M-2', name: 'Kiln', state: 'fault' },
      { id: 'M-3', name: 'Drill', state: 'running' },
      { id: 'M-6', name: 'Saw', state: 'idle' },
    ];
    expect(sortEquipment(list).map((e) => e.id)).toEqual(['M-2', 'M-3', 'M-1', 'M-6', 'M-4', 'M-5']);
    expect(list[0].id).toBe('M-4');
    expect(sortEquipment(undefined)).toEqual([]);
  });

  it('counts each shown state', () => {
    expect(countStates([{ state: 'fault' }, { state: 'fault' }, { state: 'idle' }, {}])).toEqual({ fault: 2, idle: 1, unknown: 1 });
    expect(countStates(null)).toEqual({});
  });
});
