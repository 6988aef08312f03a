import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateMachine } from '@gdx/kernel';
import { describe, expect, it, onTestFinished } from 'vitest';
import { asOnceAccepted, buildProcedures, builtinProfileNames, LIMIT_IDS, loadProfile, ProfileError, resolveProfile, withoutRepeatedValues } from '../src/index.js';

describe('built-in profiles', () => {
  it.each(builtinProfileNames)('%s is valid, cites a source for every limit, and builds sound machines', (name) => {
    const profile = resolveProfile(name);
    expect(profile.name).toBe(name);
    for (const id of LIMIT_IDS) expect(profile.limits[id].basis.length).toBeGreaterThan(0);
    const { machines } = buildProcedures(profile);
    expect(machines.flatMap((m) => validateMachine(m).map((problem) => `${m.id}: ${problem}`))).toEqual([]);
    expect(new Set(machines.map((m) => m.id)).size).toBe(machines.length);
  });

  it.each([
    { name: 'national', notShared: '不予共享', open: '无条件开放', evidence: 'query_code', review: 10, fn: 20 },
    { name: 'inner-mongolia', notShared: '不予共享', open: '无条件开放', evidence: 'certificate', review: 10, fn: 20 },
    { name: 'xiamen', notShared: '暂不共享', open: '普遍开放', evidence: 'query_code', review: 5, fn: 7 },
  ])('$name: labels, evidence and the limits that differ', ({ name, notShared, open, evidence, review, fn }) => {
    const p = resolveProfile(name);
    expect(p.labels.sharingType.not_shared).toBe(notShared);
    expect(p.labels.openingType.open).toBe(open);
    expect(p.options.registrationEvidence).toBe(evidence);
    expect(p.options.objectionPausesNotice).toBe(false);
    expect(p.options.reviewFailedReturnsToSupplement).toBe(false);
    expect(p.limits['sharing.review'].value).toBe(review);
    expect(p.limits['catalog.function_change'].value).toBe(fn);
  });

  it('marks the "(choice)" defaults of the domain table', () => {
    const choices = (name: string) => LIMIT_IDS.filter((id) => resolveProfile(name).limits[id].choice === true);
    expect(choices('national')).toContain('open_data.initial_review');
    expect(choices('xiamen')).not.toContain('open_data.initial_review');
    expect(choices('xiamen')).toContain('registration.acceptance');
    expect(choices('inner-mongolia')).toContain('registration.cancellation');
    expect(choices('inner-mongolia')).not.toContain('catalog.new_resource');
    expect(resolveProfile('national').limits['sharing.review'].external).toBe(true);
  });
});

describe('user profiles', () => {
  it('extends a built-in profile from an object', () => {
    const p = resolveProfile({ extends: 'xiamen', name: 'fuzhou', title: { zh: '福州市', en: 'Fuzhou' }, regionCode: '350100', limits: { 'sharing.review': { value: 7, basis: '福州规定 第十条' } } });
    expect(p.limits['sharing.review']).toMatchObject({ value: 7, unit: 'working_days', basis: '福州规定 第十条' });
    expect(p.labels.sharingType.not_shared).toBe('暂不共享');
  });

  it('a complete profile written before the compliance review existed validates, without it', () => {
    const national = resolveProfile('national');
    const { sharing: _sharing, ...olderOptions } = national.options;
    const { 'sharing.compliance_review': _limit, ...olderLimits } = national.limits;
    const older = resolveProfile({ ...national, name: 'older', limits: olderLimits, options: olderOptions });
    expect(older.options.sharing).toEqual({ complianceReview: false });
    expect(older.limits['sharing.compliance_review']).toEqual(national.limits['sharing.compliance_review']);
  });

  it('loads YAML files that extend other files and built-ins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gdx-profile-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'province.yaml'), 'extends: national\nname: province\nlimits:\n  catalog.review: { value: 8 }\n');
    await writeFile(join(dir, 'city.yaml'), 'extends: ./province.yaml\nname: city\nregionCode: "350100"\noptions:\n  objectionPausesNotice: true\n');
    const p = await loadProfile(join(dir, 'city.yaml'));
    expect(p).toMatchObject({ name: 'city', regionCode: '350100', options: { objectionPausesNotice: true } });
    expect(p.limits['catalog.review'].value).toBe(8);
    expect(p.limits['registration.acceptance'].value).toBe(3);
    expect((await loadProfile('xiamen')).name).toBe('xiamen');
  });

  it('loads the README example profile', async () => {
    const p = await loadProfile(new URL('./fixtures/fuzhou.yaml', import.meta.url).pathname);
    expect(p).toMatchObject({ name: 'fuzhou', regionCode: '350100' });
    expect(p.limits['sharing.review']).toMatchObject({ value: 7, basis: '福州市公共数据管理办法 第十八条' });
    expect(p.limits['open_data.initial_review']).toMatchObject({ value: 2, unit: 'working_days', choice: false });
    expect(p.limits['registration.acceptance'].value).toBe(3);
  });

  it('rejects an invalid profile with field-level issues', () => {
    const attempt = () => resolveProfile({ extends: 'national', name: 'Bad Name', limits: { 'sharing.review': { value: 0, unit: 'weeks' } } });
    expect(attempt).toThrow(ProfileError);
    try {
      attempt();
    } catch (err) {
      const e = err as ProfileError;
      expect(e.code).toBe('PROFILE_INVALID');
      expect(e.issues.map((i) => i.path).sort()).toEqual(['limits.sharing.review.unit', 'limits.sharing.review.value', 'name']);
      expect(e.message).toContain('limits.sharing.review.value');
    }
  });

  it('points each issue at its field (RFC 6901, a limit id one member), with a code and Chinese words', () => {
    const issues = (raw: object) => {
      try {
        resolveProfile(raw);
      } catch (err) {
        return (err as ProfileError).issues;
      }
      throw new Error('the profile should be refused');
    };
    expect(issues({ extends: 'national', name: 'Bad Name', limits: { 'sharing.review': { value: 0 } } })).toEqual([
      { path: 'name', pointer: '/name', code: 'FORMAT', message: expect.any(String), messageZh: expect.any(String) },
      { path: 'limits.sharing.review.value', pointer: '/limits/sharing.review/value', code: 'RANGE', message: expect.stringContaining('>0'), messageZh: expect.stringContaining('数值过小') },
    ]);
    expect(issues({ extends: 'national', options: { sharing: { complianceReview: 1, 'a/b': true } } })).toEqual([
      expect.objectContaining({ pointer: '/options/sharing/complianceReview', code: 'TYPE' }),
      { path: 'options.sharing.a/b', pointer: '/options/sharing/a~1b', code: 'UNKNOWN_FIELD', message: 'Unrecognized key: "a/b"', messageZh: '不允许的字段："a/b"' },
    ]);
  });

  it.each(['selectionMethods', 'eligibilityStatements', 'agreementSections', 'permissionsOpenWhile'])('refuses a value listed twice in %s, at the repeat', (option) => {
    const value = { selectionMethods: 'designation', eligibilityStatements: 'goodCredit', agreementSections: 'other', permissionsOpenWhile: 'amending' }[option]!;
    try {
      resolveProfile({ extends: 'national', options: { authorizedOperation: { [option]: [value, value] } } });
      expect.unreachable('a repeated value should be refused');
    } catch (err) {
      expect((err as ProfileError).issues).toEqual([
        { path: `options.authorizedOperation.${option}.1`, pointer: `/options/authorizedOperation/${option}/1`, code: 'DUPLICATE', message: `"${value}" is listed more than once`, messageZh: `"${value}" 重复列出` },
      ]);
    }
    expect(resolveProfile({ extends: 'national', options: { authorizedOperation: { [option]: [value] } } }).options.authorizedOperation[option as 'permissionsOpenWhile']).toEqual([value]);
    // What an older version took: the repeat dropped, nothing else changed.
    const older = { extends: 'national', name: 'older', options: { authorizedOperation: { [option]: [value, value] } } };
    expect(resolveProfile(withoutRepeatedValues(older) as object).options.authorizedOperation[option as 'permissionsOpenWhile']).toEqual([value]);
    expect(older.options.authorizedOperation[option]).toEqual([value, value]);
  });

  it('takes a profile an older version accepted with an overlong rules citation, cut to the bound, and repeats dropped', () => {
    // '𠀀' is a surrogate pair: the 200th unit would split one, so the cut stops before it.
    const older = { extends: 'xiamen', name: 'older', options: { authorizedOperation: { rules: { title: '办'.repeat(199) + '𠀀', basis: '某市办法 第三十条' }, permissionsOpenWhile: ['amending', 'amending'] } } };
    expect(() => resolveProfile(older)).toThrow(ProfileError);
    const taken = resolveProfile(asOnceAccepted(older) as object).options.authorizedOperation;
    expect(taken.rules).toEqual({ title: '办'.repeat(199), basis: '某市办法 第三十条' });
    expect(taken.permissionsOpenWhile).toEqual(['amending']);
    expect(older.options.authorizedOperation.rules.title).toHaveLength(201);
    const sharing = { extends: 'xiamen', name: 'older', options: { sharingOpenDataRules: { title: '某市办法', basis: '条'.repeat(201), validUntil: '2025-12-27' } } };
    expect(() => resolveProfile(sharing)).toThrow(ProfileError);
    expect(resolveProfile(asOnceAccepted(sharing) as object).options.sharingOpenDataRules).toEqual({ title: '某市办法', basis: '条'.repeat(200), validUntil: '2025-12-27' });
    const current = { extends: 'xiamen', options: { authorizedOperation: { rules: { title: '某市办法', basis: '第三十条' } }, sharingOpenDataRules: { title: '某市办法', basis: '第三十条', validUntil: '2025-12-27' } } };
    expect(asOnceAccepted(current)).toBe(current);
  });

  it('names unknown profiles, missing files and unknown fields', async () => {
    expect(() => resolveProfile('atlantis')).toThrow(/Unknown profile "atlantis"/);
    await expect(loadProfile('/nonexistent/profile.yaml')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    expect(() => resolveProfile({ extends: 'national', limits: { 'sharing.reveiw': { value: 3 } } })).toThrow(/sharing\.reveiw|Unrecognized/);
  });
});
