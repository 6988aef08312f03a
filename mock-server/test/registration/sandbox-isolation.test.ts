// A sandbox's year does not depend on what other sandboxes of the same app do meanwhile. Several
// speed passes share state between sandboxes of a process (the registration code's text around
// its number, one reseeded generator for officials' draws, the transition context of an instant,
// the Shanghai days of instants, the id generator's buffers); each must leave every sandbox's
// answers, feed and snapshot as if it ran alone, and its registration codes its own profile's.
// Sandbox B runs another profile (another code prefix and region) and another seed, its requests
// and clock advances interleaved with A's.
import { loadBundledSpec } from '@gdx/openapi';
import { resolveProfile } from '@gdx/procedures';
import { signRequest } from '@gdx/protocol';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';

const START_AT = '2025-09-26T10:00:00+08:00';
const APPLICATIONS = 40;

type Examples = { paths: Record<string, Record<string, { requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> } }>> };
const initial = (loadBundledSpec('registration') as unknown as Examples).paths['/applications']!.post!.requestBody.content['application/json']!.examples['initial']!.value;

interface Org {
  appKey: string;
  secret: string;
  creditCode: string;
  name: string;
  roles: string[];
}

async function call(app: App, method: string, path: string, body?: unknown, as?: Org, key?: string): Promise<{ status: number; text: string }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) Object.assign(headers, signRequest({ method, url: path, body: text, appKey: as.appKey, secret: as.secret }));
  if (key) headers['idempotency-key'] = key;
  const q = path.indexOf('?');
  const answer = await app.dispatch({ method, path: q < 0 ? path : path.slice(0, q), query: q < 0 ? '' : path.slice(q + 1), headers, body: text });
  return { status: answer.status, text: String(answer.body) };
}

/** A sandbox and its first registrant, with `submit` filing the contract's initial example as that registrant. */
async function openSandbox(app: App, id: string, profile: string, seed: number) {
  const created = await call(app, 'POST', '/_sim/v1/sandboxes', { id, profile, seed, startAt: START_AT, reviewerPolicy: { mode: 'auto' }, clock: { mode: 'virtual' } });
  expect(created.status, created.text).toBe(201);
  const org = (JSON.parse(created.text) as { organizations: Org[] }).organizations.find((o) => o.roles.includes('registrant'))!;
  const submission = { ...initial, registrants: [{ creditCode: org.creditCode, name: org.name }] };
  return {
    submit: (i: number) => call(app, 'POST', `/sandboxes/${id}/registration/v1/applications`, submission, org, `${id}-${i}`),
    advance: (duration: string) => call(app, 'POST', `/_sim/v1/sandboxes/${id}/clock/advance`, { duration, firedLimit: 0 }),
  };
}

async function feedOf(app: App, id: string): Promise<unknown[]> {
  const events: unknown[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = JSON.parse((await call(app, 'GET', `/_sim/v1/sandboxes/${id}/events?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).text) as { items: unknown[]; nextCursor: string | null };
    events.push(...page.items);
    cursor = page.nextCursor;
  }
  return events;
}

interface Spec {
  id: string;
  profile: string;
  seed: number;
}

/** The year of each sandbox of `specs`, run in one app: their answers, feeds and snapshots. */
async function years(specs: readonly Spec[]) {
  const app = createApp({ seed: 7, startAt: START_AT, requestJournal: { entries: 0 } });
  try {
    const sandboxes = [];
    for (const spec of specs) sandboxes.push({ spec, ...(await openSandbox(app, spec.id, spec.profile, spec.seed)), answers: [] as string[] });
    for (let i = 0; i < APPLICATIONS; i++) {
      for (const s of sandboxes) {
        const filed = await s.submit(i);
        expect(filed.status, filed.text).toBe(201);
        s.answers.push(filed.text);
      }
    }
    // A day at a time, each sandbox in turn: on a day both accept, review or code, each of them
    // meets what the other left in the shared state.
    for (let day = 0; day < 400; day++) for (const s of sandboxes) s.answers.push((await s.advance('P1D')).text);
    const out = new Map<string, { answers: string[]; feed: unknown[]; snapshot: string }>();
    for (const s of sandboxes) out.set(s.spec.id, { answers: s.answers, feed: await feedOf(app, s.spec.id), snapshot: (await call(app, 'GET', `/_sim/v1/sandboxes/${s.spec.id}/snapshot`)).text });
    return out;
  } finally {
    await app.close();
  }
}

describe('a sandbox of the registration platform runs the same whatever another sandbox of the app does', () => {
  it.each(['xiamen', 'inner-mongolia'])('national beside %s (another seed): each with its own codes, and the same answers, feed and snapshot as alone', async (other) => {
    const a: Spec = { id: 'sbx_a', profile: 'national', seed: 11 };
    const b: Spec = { id: 'sbx_b', profile: other, seed: 99 };
    const [aloneA, aloneB, together] = [await years([a]), await years([b]), await years([a, b])];
    for (const [spec, alone] of [[a, aloneA], [b, aloneB]] as const) {
      const by = together.get(spec.id)!;
      const single = alone.get(spec.id)!;
      // The whole procedure ran, codes issued included: the shared state was used by both. Each
      // code is its own profile's (prefix and region): runs alone share the process's state too.
      expect(single.feed.filter((e) => (e as { type: string }).type === 'code_issued')).toHaveLength(APPLICATIONS);
      const { options, regionCode } = resolveProfile(spec.profile);
      const codes = [...by.snapshot.matchAll(/"registrationCode":"([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(codes).size).toBe(APPLICATIONS);
      for (const code of codes) expect(code, spec.id).toMatch(new RegExp(`^${options.coding.prefix}${regionCode}2025\\d{6}$`));
      expect(by.answers, spec.id).toEqual(single.answers);
      expect(by.feed, spec.id).toEqual(single.feed);
      expect(by.snapshot, spec.id).toBe(single.snapshot);
    }
  });
});
