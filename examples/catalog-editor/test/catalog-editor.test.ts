import { beforeAll, describe, expect, it } from 'vitest';
import { busArrivalsEntry, crowdingChange, datasetNode, ENTRY_NAME, FACETED_QUERY, PAGE_SIZE, runCatalogEditor, type CatalogEditorResult } from '../src/index.js';

describe('catalog editor: create, submit, publish, change, search with facets (xiamen profile)', () => {
  let r: CatalogEditorResult;
  const narration: string[] = [];
  beforeAll(async () => {
    r = await runCatalogEditor({ print: (line) => narration.push(line) });
  });

  it('creates a draft that the public cannot find yet', () => {
    expect(r.draft).toMatchObject({ state: 'draft', version: 1, resourceCode: null, publishedContent: null, deadline: null });
    expect(r.draft.content).toMatchObject({ name: ENTRY_NAME, sharing: { type: 'conditional' }, opening: { type: 'on_application' } });
    expect(r.draft.provider.name).toBe('厦门市交通运输局');
    expect(r.searches.draft.hits).toEqual([]);
  });

  it('submits it: the authority review is due 5 WD later, counted across the National Day holiday', () => {
    // Friday 09-26: 09-28 (make-up Sunday), 09-29, 09-30, then 10-09, 10-10.
    expect(r.submitted).toMatchObject({
      state: 'submitted',
      deadline: { step: 'authority_review', limit: 5, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-10-10', overdue: false },
    });
  });

  it('the data authority publishes version 1 with a resource code; the search finds it', () => {
    expect(r.published).toMatchObject({ state: 'published', version: 1, publishedOn: '2025-09-30', deadline: null });
    expect(r.published.resourceCode).toMatch(/^350200-/);
    expect(r.searches.published.hits).toEqual([expect.objectContaining({ id: r.draft.id, version: 1, resourceCode: r.published.resourceCode })]);
  });

  it('a change request keeps the published version visible while the proposal is reviewed', () => {
    const { changes } = crowdingChange();
    expect(r.changeSubmitted).toMatchObject({
      state: 'change_submitted',
      version: 2,
      resourceCode: r.published.resourceCode,
      deadline: { step: 'authority_review', limit: 5, startTrigger: 'change_submitted', startedOn: '2025-10-20', dueDate: '2025-10-27' },
    });
    expect(r.changeSubmitted.content.summary).toBe(changes.summary);
    expect(r.changeSubmitted.content.items).toHaveLength(4);
    expect(r.changeSubmitted.publishedContent).toMatchObject({ summary: busArrivalsEntry().summary });
    expect(r.changeSubmitted.publishedContent?.items).toHaveLength(3);
    expect(r.searches.duringChange.hits).toEqual([expect.objectContaining({ id: r.draft.id, version: 1, summary: busArrivalsEntry().summary })]);
  });

  it('publishing the change makes version 2 the visible one', () => {
    expect(r.republished).toMatchObject({ state: 'published', version: 2, resourceCode: r.published.resourceCode, publishedContent: null, modifiedOn: '2025-10-22' });
    expect(r.republished.content.items?.map((i) => i.name)).toContain('车厢拥挤度');
    expect(r.searches.afterChange.hits).toEqual([expect.objectContaining({ id: r.draft.id, version: 2, summary: crowdingChange().changes.summary })]);
    const states = r.republished.events.filter((e) => e.from !== e.to).map((e) => e.to);
    expect(states).toEqual(['draft', 'submitted', 'published', 'change_submitted', 'published']);
  });

  it('searches in Chinese with filters: facet counts agree with the total and with a drill-down', () => {
    const { search } = r;
    expect(search.query).toEqual(FACETED_QUERY);
    expect(search.total).toBeGreaterThan(2 * PAGE_SIZE);
    expect(search.facets.sharingType).toEqual([{ value: 'conditional', label: '有条件共享', count: search.total }]);
    expect(search.facets.openingType).toEqual([{ value: 'on_application', label: '依申请开放', count: search.total }]);
    // Each entry has exactly one provider, one region and one update cycle: those facets add up to the total.
    for (const facet of [search.facets.provider, search.facets.region, search.facets.updateCycle]) {
      expect(facet.reduce((sum, f) => sum + f.count, 0)).toBe(search.total);
    }
    expect(search.facets.provider).toContainEqual({ value: r.draft.provider.creditCode, label: '厦门市交通运输局', count: expect.any(Number) });
    expect(search.drillDown.total).toBe(search.drillDown.facet.count);
  });

  it('pages with the cursor: every hit once, no page over the limit, the new entry among them', () => {
    const ids = r.search.pages.flat();
    expect(ids).toHaveLength(r.search.total);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.search.pages.length).toBe(Math.ceil(r.search.total / PAGE_SIZE));
    for (const page of r.search.pages.slice(0, -1)) expect(page).toHaveLength(PAGE_SIZE);
    expect(ids).toContain(r.draft.id);
  });

  it('exports the published entry as DCAT-AP 3 JSON-LD', () => {
    expect(r.dcat['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    const dataset = datasetNode(r.dcat);
    expect(dataset?.['@id']).toContain(r.republished.id);
    expect(dataset?.['dct:identifier']).toBe(r.republished.resourceCode);
    expect(JSON.stringify(dataset?.['dct:title'])).toContain(ENTRY_NAME);
  });

  it('narrates each step', () => {
    expect(narration.join('\n')).toContain('the public still sees version 1');
    expect(narration.join('\n')).toContain('drill-down: provider');
  });
});
