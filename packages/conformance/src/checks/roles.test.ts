import { describe, expect, it } from 'vitest';
import type { Organization } from '../http/signer.js';
import { indexWithRole, leadingWithRole } from './roles.js';

const org = (appKey: string, roles?: string[]): Organization => ({ appKey, secret: 's', creditCode: '', ...(roles ? { roles } : {}) });

describe('role-aware organisation choice', () => {
  it.each<[string, Organization[], number | undefined]>([
    ['the first holder', [org('a', ['data_user']), org('b', ['registrant']), org('c', ['registrant'])], 1],
    ['none holds it', [org('a', ['data_user']), org('b', ['auditor'])], undefined],
    ['roles unknown: the first', [org('a'), org('b')], 0],
    ['no organisations', [], undefined],
  ])('indexWithRole picks %s', (_what, orgs, expected) => {
    expect(indexWithRole(orgs, 'registrant')).toBe(expected);
  });

  it('leadingWithRole moves holders first and keeps the order otherwise', () => {
    const orgs = [org('a', ['data_user']), org('b', ['registrant']), org('c'), org('d', ['registrant', 'applicant'])];
    expect(leadingWithRole(orgs, 'registrant').map((o) => o.appKey)).toEqual(['b', 'd', 'a', 'c']);
    expect(leadingWithRole(orgs, 'registry').map((o) => o.appKey)).toEqual(['a', 'b', 'c', 'd']);
  });
});
