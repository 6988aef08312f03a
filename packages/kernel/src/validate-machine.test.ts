import { describe, expect, it } from 'vitest';
import type { MachineDefinition } from './types.js';
import { validateMachine } from './validate-machine.js';

const sound: MachineDefinition = {
  id: 'm',
  initial: 'open',
  states: { open: { step: 'close' }, closed: { terminal: true } },
  transitions: [{ from: 'open', event: 'close', to: 'closed', by: ['clock'] }],
  limits: { close: { id: 'close', value: 1, unit: 'working_days', startTrigger: 'opened', basis: '-', onExpiry: { event: 'close' } } },
};

describe('validateMachine', () => {
  it('accepts a sound machine', () => {
    expect(validateMachine(sound)).toEqual([]);
  });

  it.each([
    { name: 'unknown initial state', patch: { initial: 'nope' }, problem: 'initial state "nope" is not defined' },
    { name: 'unknown target', patch: { transitions: [{ from: 'open', event: 'close', to: 'gone', by: ['clock'] }] }, problem: 'transition "close" goes to unknown state "gone"' },
    { name: 'terminal with exit', patch: { transitions: [...sound.transitions, { from: 'closed', event: 'reopen', to: 'open', by: ['x'] }] }, problem: 'terminal state "closed" has an outgoing transition "reopen"' },
    { name: 'unknown limit', patch: { limits: {} }, problem: 'state "open" uses unknown limit "close"' },
    { name: 'expiry event not sendable by the clock', patch: { transitions: [{ from: 'open', event: 'close', to: 'closed', by: ['official'] }] }, problem: 'state "open" expires with "close", which the clock may not send there' },
  ])('reports $name', ({ patch, problem }) => {
    expect(validateMachine({ ...sound, ...patch } as MachineDefinition)).toContain(problem);
  });
});
