import type { CatalogClient, Entry, SearchEntriesItem } from '@gdx/catalog';
import type { DemoSandbox } from '@gdx/example-demo';
import { busArrivalsEntry, crowdingChange, ENTRY_NAME } from './bus-arrivals-entry.js';

/** What the public search showed for the entry at one moment. */
export interface SearchSnapshot {
  at: string;
  hits: SearchEntriesItem[];
}

/** The entry at each step of the editor's workflow, as the platform answered. */
export interface EditorOutcome {
  draft: Entry;
  submitted: Entry;
  /** After the authority's first publication (version 1, resource code assigned). */
  published: Entry;
  /** The entry while its change request is under review: `content` is the proposal, `publishedContent` the visible version. */
  changeSubmitted: Entry;
  /** After the change was published (version 2). */
  republished: Entry;
  /** Public search by name: before publication, after it, during the change review, after the change. */
  searches: { draft: SearchSnapshot; published: SearchSnapshot; duringChange: SearchSnapshot; afterChange: SearchSnapshot };
}

type Act = Parameters<DemoSandbox['sim']['officials']['act']>[1];

/**
 * A provider agency's catalog editor (xiamen profile): compiles a draft, submits it (the data
 * authority reviews within 5 working days, the mock's choice), the authority publishes it through
 * the simulation API, the editor proposes a change, and the authority publishes version 2. The
 * public search shows the published version throughout the change review.
 *
 * @example
 * ```ts
 * const outcome = await editorStory(sandbox, catalogClient, publicClient, console.log);
 * outcome.republished.version; // 2
 * ```
 */
export async function editorStory(s: DemoSandbox, editor: CatalogClient, publicSearch: CatalogClient, print: (line: string) => void): Promise<EditorOutcome> {
  const authority = (entryId: string, action: 'publish') => s.sim.officials.act(s.sandbox.id, { platform: 'catalog', objectType: 'entry', objectId: entryId, action } as Act);
  const searchByName = async (): Promise<SearchSnapshot> => ({
    at: (await s.sim.clock.get(s.sandbox.id)).now,
    hits: (await publicSearch.search.queryPage({ q: ENTRY_NAME, limit: 10 })).items.filter((hit) => hit.name === ENTRY_NAME),
  });
  const step = async (at: string, text: string) => {
    await s.advanceTo(at);
    print(`▸ ${at.slice(0, 16).replace('T', ' ')}  ${text}`);
  };

  await step('2025-09-26T10:00:00+08:00', `the editor compiles a draft “${ENTRY_NAME}” (预编) and submits it to the data authority`);
  const draft = await editor.entries.create(busArrivalsEntry());
  const draftSearch = await searchByName();
  const submitted = await editor.entries.submit(draft.id, { note: '请审核发布。' });
  print(`   ${submitted.state}: authority review due ${submitted.deadline?.dueDate} (${submitted.deadline?.limit} working days, across the National Day holiday)`);

  await step('2025-09-30T10:00:00+08:00', 'the data authority publishes it (发布) — a resource code is assigned');
  await authority(draft.id, 'publish');
  const published = await editor.entries.get(draft.id);
  const publishedSearch = await searchByName();
  print(`   ${published.state}, version ${published.version}, resource code ${published.resourceCode}`);

  await step('2025-10-20T09:30:00+08:00', 'the editor proposes a change (变更): a new data item and a new summary');
  const changeSubmitted = await editor.entries.proposeChange(draft.id, crowdingChange());
  const duringChange = await searchByName();
  print(`   ${changeSubmitted.state}: review due ${changeSubmitted.deadline?.dueDate}; the public still sees version ${duringChange.hits[0]?.version}`);

  await step('2025-10-22T16:00:00+08:00', 'the data authority publishes the change');
  await authority(draft.id, 'publish');
  const republished = await editor.entries.get(draft.id);
  const afterChange = await searchByName();
  print(`   ${republished.state}, version ${republished.version}; the search shows version ${afterChange.hits[0]?.version}`);

  return {
    draft,
    submitted,
    published,
    changeSubmitted,
    republished,
    searches: { draft: draftSearch, published: publishedSearch, duringChange, afterChange },
  };
}
