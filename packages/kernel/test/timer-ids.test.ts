import { describe, expect, it } from 'vitest';
import { VirtualClock, WorkflowEngine } from '../src/index.js';
import { timerId } from '../src/shapes.js';
import { demoMachine } from './demo-machine.js';
import { at, fakeCalendar } from './fake-calendar.js';

/**
 * A timer's id is `<instance id>#<seq of the event that started it>` (snapshots and clocks keep
 * it). The kernel spells it from a table of `#<seq>` suffixes (one string concatenation instead of
 * two): the ids must read as the template spelled them, inside the table and past it.
 */
describe('timer ids', () => {
  it('spell <instance id>#<seq> for every seq, inside the suffix table and past it', () => {
    for (let seq = 0; seq < 300; seq += 1) expect(timerId('rga_01K815JN001KJESFFHPNSXMYEJ', seq)).toBe(`rga_01K815JN001KJESFFHPNSXMYEJ#${seq}`);
  });

  it('name the timer an instance is created and transitioned with', () => {
    const engine = new WorkflowEngine({ machines: [demoMachine], calendar: fakeCalendar, clock: new VirtualClock(at('2025-09-26T10:00')) });
    engine.create('demo', { id: 'a', actor: { role: 'registrant', organizationId: 'org-1' } });
    expect(engine.get('a').timer?.id).toBe('a#1');
    engine.dispatch('a', 'accept', { actor: { role: 'registry' } });
    expect(engine.get('a').timer?.id).toBe('a#2');
  });
});
