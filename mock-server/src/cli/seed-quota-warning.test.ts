import { describe, expect, it } from 'vitest';
import { seedQuotaWarning } from './seed-quota-warning.js';

describe('seedQuotaWarning', () => {
  it('names the quota and the seed count when a fresh default sandbox already holds its object quota', () => {
    const warning = seedQuotaWarning({ quotas: { objects: 3 }, usage: { objects: 300 } });
    expect(warning).toContain("the default sandbox's seed alone makes 300 objects");
    expect(warning).toContain('(--quota-objects 3)');
    expect(warning).toContain('Give --quota-objects above 300');
    expect(seedQuotaWarning({ quotas: { objects: 300 }, usage: { objects: 300 } })).toContain('Give --quota-objects above 300');
  });

  it('says nothing while the quota leaves room', () => {
    expect(seedQuotaWarning({ quotas: { objects: 301 }, usage: { objects: 300 } })).toBeUndefined();
  });
});
