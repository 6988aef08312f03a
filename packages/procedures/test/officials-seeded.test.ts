import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { hashSeed, planOfficialActions, type PlanOptions } from '../src/index.js';
import { hashSeedOf, mulberry32, reseeded } from '../src/officials/prng.js';
import { actors, harness, ok } from './harness.js';

const calendar = WorkingCalendar.official();

/** Time, event and reason / item codes of what officials plan for six applications received 2025-09-26 10:00. */
function planned(policy: PlanOptions['policy'], seed: number | string): [string, string, string, string[]][] {
  const h = harness('national', '2025-09-26T10:00');
  return Array.from({ length: 6 }, (_, i) => {
    const instance = ok(h.engine.create('registration.application.initial', { id: `rga_${i}`, actor: actors.registrant }));
    return planOfficialActions(instance, { policy, seed, calendar }).map((p): [string, string, string, string[]] => {
      const listed = (p.payload?.['items'] ?? p.payload?.['reasons'] ?? []) as { code: string }[];
      return [p.instanceId, new Date(p.at).toISOString().replace('.000Z', 'Z'), p.event, listed.map((r) => r.code)];
    });
  }).flat();
}

// Journals and snapshots hold what seeded officials did: the same seed must plan the same
// decisions, times and reasons in every release (the values below were planned by the release
// before the planning read its weights once and hashed the seed without building its string).
describe('seeded officials plan what earlier releases planned', () => {
  it('auto with an approval rate, spread over the limit', () => {
    expect(planned({ mode: 'auto', approvalRate: 0.4, decideOn: 'random' }, 'abc')).toEqual([
      ['rga_0', '2025-09-28T06:57:00Z', 'request_supplements', ['MISSING_COMMITMENT', 'RIGHT_TERM_MISSING', 'MISSING_RISK_ASSESSMENT']],
      ['rga_1', '2025-09-30T08:14:00Z', 'request_supplements', ['RIGHT_TERM_MISSING', 'MISSING_COMMITMENT']],
      ['rga_2', '2025-09-30T06:35:00Z', 'not_accept', ['PERSONAL_INFORMATION', 'SCENARIO_MISMATCH']],
      ['rga_3', '2025-09-29T01:26:00Z', 'accept', []],
      ['rga_4', '2025-09-29T01:18:00Z', 'not_accept', ['PERSONAL_INFORMATION', 'DUPLICATE_REGISTRATION']],
      ['rga_5', '2025-09-30T05:39:00Z', 'request_supplements', ['SCENARIO_VAGUE']],
    ]);
  });

  it('late with an approval rate: the explanation, then the decision', () => {
    expect(planned({ mode: 'late', approvalRate: 0.3, overdueByWorkingDays: 2 }, 1)).toEqual([
      ['rga_0', '2025-10-10T02:00:00Z', 'explain_overdue', ['MULTI_AGENCY_CHECK']],
      ['rga_0', '2025-10-10T02:01:00Z', 'request_supplements', ['MISSING_EVIDENCE_RECORD']],
      ['rga_1', '2025-10-10T02:00:00Z', 'explain_overdue', ['MULTI_AGENCY_CHECK']],
      ['rga_1', '2025-10-10T02:01:00Z', 'not_accept', ['SECURITY_MEASURES_MISSING']],
      ['rga_2', '2025-10-10T02:00:00Z', 'explain_overdue', ['MULTI_AGENCY_CHECK']],
      ['rga_2', '2025-10-10T02:01:00Z', 'accept', []],
      ['rga_3', '2025-10-10T02:00:00Z', 'explain_overdue', ['MULTI_AGENCY_CHECK']],
      ['rga_3', '2025-10-10T02:01:00Z', 'request_supplements', ['SCENARIO_VAGUE']],
      ['rga_4', '2025-10-10T02:00:00Z', 'explain_overdue', ['MULTI_AGENCY_CHECK']],
      ['rga_4', '2025-10-10T02:01:00Z', 'not_accept', ['LEGAL_SOURCE_UNCLEAR']],
      ['rga_5', '2025-10-10T02:00:00Z', 'explain_overdue', ['MULTI_AGENCY_CHECK']],
      ['rga_5', '2025-10-10T02:01:00Z', 'accept', []],
    ]);
  });

  it('a negative approval rate counts as 0: never an approval', () => {
    expect(planned({ mode: 'auto', approvalRate: -1 }, 1).filter(([, , event]) => event === 'accept')).toEqual([]);
  });

  it('hashes the seed, object and step as the text `seed|object|step`', () => {
    // Repeated and alternating seeds: the hash of the seed last used is remembered.
    const cases = [[1, 'rga_1', 1], [1, 'rga_2', 3], [42, 'shr_0cx3c50dt0', 17], ['abc', '数据_1', 0], ['abc', '数据_2', 2], [0, '', 123456], ['1', 'rga_1', 1], [1, 'rga_1', 2]] as const;
    for (const [seed, id, step] of [...cases, ...cases]) {
      expect(hashSeedOf(seed, id, step)).toBe(hashSeed(`${seed}|${id}|${step}`));
    }
  });

  it('draws from the reseeded shared generator what mulberry32 of the same seed draws', () => {
    for (const seed of [0, 1, 42, 0xffffffff, hashSeed('1|rga_1|3')]) {
      const own = mulberry32(seed);
      const expected = Array.from({ length: 8 }, () => own());
      const shared = reseeded(seed);
      expect(Array.from({ length: 8 }, () => shared())).toEqual(expected);
    }
  });
});

// `WorkingCalendar` counts the working days an official may pick from at once; any other calendar
// is asked day by day. Both must plan the same days (and draw the same numbers), across holidays,
// make-up working days and the turn of a year.
describe('the days officials pick from, counted or listed', () => {
  const dayByDay: PlanOptions['calendar'] = {
    addWorkingDays: (start, n, opts) => calendar.addWorkingDays(start, n, opts),
    addCalendarDays: (start, n, opts) => calendar.addCalendarDays(start, n, opts),
    addPeriod: (start, p, opts) => calendar.addPeriod(start, p, opts),
  };

  it.each(['random', 'last_day'] as const)('plans the same with decideOn %s', (decideOn) => {
    const h = harness('national', '2025-09-20T09:30');
    const day = 86_400_000;
    const compared: string[] = [];
    for (let i = 0; i < 160; i += 1) {
      h.engine.advanceTo(h.engine.clock.now() + day);
      const submitted = ok(h.engine.create('registration.application.initial', { id: `rga_${i}`, actor: actors.registrant }));
      const reviewed = ok(h.engine.dispatch(`rga_${i}`, 'accept', { actor: actors.registry }));
      for (const instance of [submitted, reviewed]) {
        const policy = { mode: 'auto', approvalRate: 0.5, decideOn } as const;
        const counted = planOfficialActions(instance, { policy, seed: 'days', calendar });
        expect(planOfficialActions(instance, { policy, seed: 'days', calendar: dayByDay })).toEqual(counted);
        compared.push(...counted.map((p) => new Date(p.at).toISOString().slice(0, 10)));
      }
    }
    // Both steps, many different days (the review's 20 working days run over the National Day and Spring Festival blocks).
    expect(compared).toHaveLength(320);
    expect(new Set(compared).size).toBeGreaterThan(100);
  });
});
