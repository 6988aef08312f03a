// Type-level checks, enforced by `tsc --noEmit`: each @ts-expect-error line fails the typecheck
// if the generated signatures ever accept it.
import { describe, expectTypeOf, it } from 'vitest';
import type { AdvanceResult, Clock, Paginator, Sandbox, SimulationClient } from '../src/index.js';

type Sim = Omit<SimulationClient, 'api'>;
declare const sim: Sim;

describe('SimulationClient types', () => {
  it('returns the spec types', () => {
    expectTypeOf<Sim['sandboxes']['create']>().returns.resolves.toEqualTypeOf<Sandbox>();
    expectTypeOf<Sim['sandboxes']['list']>().returns.toEqualTypeOf<Paginator<Sandbox>>();
    expectTypeOf<Sim['clock']['advance']>().returns.resolves.toEqualTypeOf<AdvanceResult>();
    expectTypeOf<Sim['clock']['get']>().returns.resolves.toEqualTypeOf<Clock>();
    expectTypeOf<Sim['sandboxes']['delete']>().returns.resolves.toBeVoid();
  });

  it('rejects wrong bodies, enum values and missing path params', () => {
    const check = () => {
      void sim.clock.advance('sbx_1', { workingDays: 3 });
      // @ts-expect-error unknown advance form
      void sim.clock.advance('sbx_1', { weeks: 1 });
      // @ts-expect-error the sandbox id is required
      void sim.clock.advance({ workingDays: 3 });
      // @ts-expect-error unknown official action
      void sim.officials.act('sbx_1', { platform: 'registration', objectType: 'application', objectId: 'rga_1', action: 'bribe' });
      // @ts-expect-error unknown platform
      void sim.officials.act('sbx_1', { platform: 'tax', objectType: 'application', objectId: 'rga_1', action: 'accept' });
      // @ts-expect-error reviewer policy mode outside its enum
      void sim.reviewerPolicy.set('sbx_1', { mode: 'random' });
    };
    expectTypeOf(check).toBeFunction();
  });
});
