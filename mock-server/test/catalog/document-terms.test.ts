import { describe, expect, it } from 'vitest';
import { documentTerms } from '../../src/platforms/catalog/search/document-terms.js';
import { createSeedData, type CatalogEntry } from '../../src/sandbox/seed/index.js';

const [entry] = createSeedData({ seed: 'terms', profile: 'national', count: 1 }).catalogEntries as [CatalogEntry];

describe('documentTerms', () => {
  it('gives entries of the same texts the same terms, made once', () => {
    const again = { ...entry, id: 'ent_other', items: entry.items.map((item) => ({ ...item })) };
    expect(documentTerms(again)).toBe(documentTerms(entry));
  });

  it('weighs a text by the field it is in, however the texts of two entries line up', () => {
    // The same characters, split between name and summary otherwise: different weights.
    const a = { ...entry, name: '人口', summary: '基础信息', items: [] };
    const b = { ...entry, name: '人口基础', summary: '信息', items: [] };
    expect(documentTerms(a).get('b:基础')).toBe(1);
    expect(documentTerms(b).get('b:基础')).toBe(3);
    const c = { ...entry, name: 'x', summary: '', items: [{ ...entry.items[0]!, name: '姓名', description: '说明' }] };
    const d = { ...entry, name: 'x', summary: '', items: [{ ...entry.items[0]!, name: '姓名说明', description: '姓名说明' }] };
    expect(documentTerms(c).get('b:说明')).toBe(0.5);
    expect(documentTerms(d).get('b:说明')).toBe(1.5);
  });
});
