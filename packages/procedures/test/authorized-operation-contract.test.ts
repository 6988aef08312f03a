// The shipped profiles and the authorized-operation contract's `x-gdx-limits` and `x-gdx-pricing`
// say the same (the contract is read from the repository, as the domain-fixture test reads ../shared).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AUTHORIZED_OPERATION_LIMIT_IDS, buildProcedures, resolveProfile, rulesWarnings, type LimitId } from '../src/index.js';

interface ContractLimit {
  id: string;
  state: string | null;
  startTrigger: string;
  unit: string;
  limits: Record<string, number>;
  basis: string;
  profileBasis?: Record<string, string>;
  choice?: string[];
}

interface ContractMachine {
  initial: string;
  states: string[];
  terminal: string[];
  transitions: { from: string; to: string; by: string; action?: string }[];
}

const contract = parse(readFileSync(new URL('../../../openapi/authorized-operation/openapi.yaml', import.meta.url), 'utf8')) as {
  'x-gdx-limits': ContractLimit[];
  'x-gdx-pricing': Record<string, unknown>;
  components: { schemas: Record<string, { 'x-gdx-state-machine'?: ContractMachine }> };
};
const PROFILES = ['national', 'inner-mongolia', 'xiamen'] as const;

describe('authorized-operation profiles match the contract', () => {
  it('list exactly the contract limits', () => {
    expect(contract['x-gdx-limits'].map((l) => l.id).sort()).toEqual([...AUTHORIZED_OPERATION_LIMIT_IDS].sort());
  });

  it.each(contract['x-gdx-limits'].flatMap((l) => PROFILES.map((p) => [l.id, p, l] as const)))('%s in %s: value, unit, trigger, article and choice', (id, profile, limit) => {
    const own = resolveProfile(profile).limits[id as LimitId];
    expect(own).toMatchObject({ value: limit.limits[profile], unit: limit.unit, startTrigger: limit.startTrigger, basis: limit.profileBasis?.[profile] ?? limit.basis });
    expect(own.choice === true, 'choice').toBe(limit.choice?.includes(profile) ?? false);
  });

  it.each(PROFILES)('%s: the pricing rules of x-gdx-pricing', (profile) => {
    const { bondYields: _yields, ...rules } = resolveProfile(profile).options.authorizedOperation.pricing;
    expect(contract['x-gdx-pricing']).toMatchObject(rules);
  });
});

describe('authorized-operation options: the (choice) defaults per profile', () => {
  it.each([
    { profile: 'national', methods: ['open_tender', 'invited_tender', 'negotiation'], termPolicy: 'warning', requester: 'operator', scope: 'agreement', agreementReport: false, validUntil: null, statements: ['goodCredit'], sections: [] },
    { profile: 'inner-mongolia', methods: ['call_and_review'], termPolicy: 'error', requester: 'operator', scope: 'agreement', agreementReport: false, validUntil: null, statements: ['goodCredit', 'notBlacklisted', 'mlpsLevel3', 'noHighRiskFinding'], sections: ['reasonableReturnMethod', 'assetDisposal', 'securityCommitment'] },
    { profile: 'xiamen', methods: ['designation'], termPolicy: 'warning', requester: 'data_user', scope: 'catalog', agreementReport: true, validUntil: '2025-12-27', statements: ['goodCredit'], sections: [] },
  ])('$profile', ({ profile, methods, termPolicy, requester, scope, agreementReport, validUntil, statements, sections }) => {
    expect(resolveProfile(profile).options.authorizedOperation).toMatchObject({
      planRequired: true,
      selectionMethods: methods,
      termPolicy,
      eligibilityStatements: statements,
      agreementSections: sections,
      dataAccessRequester: requester,
      dataAccessScope: scope,
      agreementReport,
      agreementReportFrom: 'signing',
      formalFeesWithFirstReport: true,
      rulesValidUntil: validUntil,
      permissionsOpenWhile: [],
    });
  });

  it.each([
    { profile: 'xiamen', day: '2025-12-27', codes: [] },
    { profile: 'xiamen', day: '2025-12-28', codes: ['RULES_EXPIRED'] },
    { profile: 'national', day: '2030-01-01', codes: [] },
    { profile: 'inner-mongolia', day: '2030-01-01', codes: [] },
  ])('rules validity: $profile on $day warns $codes', ({ profile, day, codes }) => {
    const warnings = rulesWarnings(resolveProfile(profile), day);
    expect(warnings.map((w) => w.code)).toEqual(codes);
    for (const w of warnings) expect(w).toMatchObject({ rulesValidUntil: '2025-12-27', message: { zh: expect.stringContaining('2025-12-27'), en: expect.stringContaining('2025-12-27') } });
  });

  it('rules validity: a custom profile sets its own end', () => {
    const national = resolveProfile('national');
    const custom = resolveProfile({ name: 'custom', extends: 'national', options: { authorizedOperation: { ...national.options.authorizedOperation, rulesValidUntil: '2026-06-30' } } });
    expect(rulesWarnings(custom, '2026-06-30')).toEqual([]);
    // It cites no rules: the fields say so, and the message names the profile.
    expect(rulesWarnings(custom, '2026-07-01')[0]).toMatchObject({ rules: null, basis: null, rulesValidUntil: '2026-06-30' });
  });

  it('rules validity: the Xiamen warning names the rules, the article and the last day, in fields and in the message', () => {
    const [warning] = rulesWarnings(resolveProfile('xiamen'), '2025-12-28');
    expect(warning).toMatchObject({ rules: '厦门市公共数据开发利用管理暂行办法', basis: '厦门市公共数据开发利用管理暂行办法 第二十七条', rulesValidUntil: '2025-12-27' });
    expect(warning?.message.zh).toBe('《厦门市公共数据开发利用管理暂行办法》有效期已于 2025-12-27 届满（厦门市公共数据开发利用管理暂行办法 第二十七条），仍按原规则办理，请关注新规定');
    expect(warning?.message.en).toBe('The local authorized-operation rules 厦门市公共数据开发利用管理暂行办法 were valid until 2025-12-27 (厦门市公共数据开发利用管理暂行办法 第二十七条); they still apply here until new rules are published');
  });

  it('rules validity: a custom profile\'s rules title and article are bounded, so the message stays within a LocalizedText', () => {
    const citing = (title: string, basis = '某市办法 第三十条') => ({ name: 'city', extends: 'xiamen' as const, options: { authorizedOperation: { rules: { title, basis } } } });
    const longest = resolveProfile(citing('办'.repeat(200), '条'.repeat(200)));
    const [warning] = rulesWarnings(longest, '2025-12-28');
    expect(warning?.message.zh.length).toBeLessThanOrEqual(2000);
    expect(warning?.message.en.length).toBeLessThanOrEqual(2000);
    expect(() => resolveProfile(citing('办'.repeat(201)))).toThrow(/rules\.title/);
    expect(() => resolveProfile(citing('某市办法', '条'.repeat(201)))).toThrow(/rules\.basis/);
  });

  it('a profile written before the platform existed still validates, with the national defaults', () => {
    const national = resolveProfile('national');
    const { authorizedOperation: _options, ...olderOptions } = national.options;
    const olderLimits = Object.fromEntries(Object.entries(national.limits).filter(([id]) => !id.startsWith('authorized_operation.')));
    const older = resolveProfile({ ...national, name: 'older', limits: olderLimits, options: olderOptions });
    expect(older.limits['authorized_operation.term']).toEqual(national.limits['authorized_operation.term']);
    expect(older.options.authorizedOperation).toEqual(national.options.authorizedOperation);
  });

  it('a change of a plan is deliberated as the plan (domain §1) unless the profile sets its own limit', () => {
    const { note: _note, ...plan } = resolveProfile('national').limits['authorized_operation.plan_deliberation'];
    expect(resolveProfile('national').limits['authorized_operation.plan_change_deliberation']).toMatchObject({ ...plan, startTrigger: 'change_submitted' });
    const slower = resolveProfile({ extends: 'national', name: 'slower', limits: { 'authorized_operation.plan_deliberation': { value: 40, basis: '某市办法 第八条' } } });
    expect(slower.limits['authorized_operation.plan_change_deliberation']).toMatchObject({ value: 40, unit: 'working_days', startTrigger: 'change_submitted', basis: '某市办法 第八条' });
    const own = resolveProfile({ extends: 'national', name: 'own', limits: { 'authorized_operation.plan_change_deliberation': { value: 15 } } });
    expect(own.limits['authorized_operation.plan_change_deliberation']).toMatchObject({ value: 15, startTrigger: 'change_submitted' });
    expect(own.limits['authorized_operation.plan_deliberation'].value).toBe(30);
  });

  it('a city profile overrides one option and one limit', () => {
    const city = resolveProfile({ extends: 'national', name: 'city', limits: { 'authorized_operation.data_access_review': { value: 7 } }, options: { authorizedOperation: { termPolicy: 'error' } } });
    expect(city.limits['authorized_operation.data_access_review'].value).toBe(7);
    expect(city.options.authorizedOperation).toMatchObject({ termPolicy: 'error', dataAccessRequester: 'operator' });
  });
});

describe('the machines of the three profiles together play the contract state machines', () => {
  const MACHINES = { Plan: 'plan', Selection: 'selection', Authorization: 'authorization', DataAccessRequest: 'dataAccess', Product: 'product' } as const;
  const built = PROFILES.map((p) => buildProcedures(resolveProfile(p)).authorizedOperation);

  it.each(Object.entries(MACHINES))('%s', (schema, key) => {
    const documented = contract.components.schemas[schema]?.['x-gdx-state-machine'];
    if (!documented) throw new Error(`${schema} has no x-gdx-state-machine`);
    const machines = built.map((b) => b[key]);
    expect([...new Set(machines.flatMap((m) => Object.keys(m.states)))].sort()).toEqual([...documented.states].sort());
    for (const m of machines) {
      expect(m.initial).toBe(documented.initial);
      expect(Object.entries(m.states).filter(([, st]) => st.terminal).map(([name]) => name).sort()).toEqual([...documented.terminal].sort().filter((t) => t in m.states));
    }
    for (const t of documented.transitions) {
      const played = machines.some((m) =>
        m.transitions.some((k) => [k.from].flat().includes(t.from) && k.to === t.to && k.by.includes(t.by) && (t.action === undefined || k.event === t.action)),
      );
      expect(played, `${t.from} → ${t.to} by ${t.by}${t.action ? ` (${t.action})` : ''}`).toBe(true);
    }
  });
});
