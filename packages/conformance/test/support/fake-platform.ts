import { MemoryNonceStore, problem, verifySignature, type ProblemCode } from '@gdx/protocol';
import type { Organization } from '../../src/index.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + ALPHABET.indexOf(first17.charAt(i)) * w, 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
function creditCodeOk(code: unknown): boolean {
  return typeof code === 'string' && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && checkCharacter(code) === code.charAt(17);
}

/** Deliberate faults the tests switch on, each breaking one rule. */
export interface FakeFaults {
  /** Another organisation's entries are visible (GET by id and in lists). */
  leak?: boolean;
  /** Invalid input crashes with 500 instead of a 4xx problem. */
  crashOnBadInput?: boolean;
  /** Nonces are not remembered. */
  acceptReplays?: boolean;
}

const withCheck = (first17: string) => first17 + checkCharacter(first17);

export const ORGS: Organization[] = [
  { appKey: 'ak_alpha', secret: 'secret-alpha', creditCode: withCheck('91350200MA2Y0QH38') },
  { appKey: 'ak_beta', secret: 'secret-beta', creditCode: withCheck('91110000100000000') },
];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const fail = (code: ProblemCode) => {
  const body = problem(code);
  return new Response(JSON.stringify(body), { status: body.status, headers: { 'content-type': 'application/problem+json' } });
};

/** 400 VALIDATION_FAILED pointing at the member that is wrong, as docs/design.md §Errors asks. */
const invalid = (pointer: string) => {
  const body = problem('VALIDATION_FAILED', pointer === '' ? {} : { errors: [{ pointer, code: 'INVALID', message: { zh: '字段无效', en: 'invalid field' } }] });
  return new Response(JSON.stringify(body), { status: body.status, headers: { 'content-type': 'application/problem+json' } });
};

interface Entry { id: string; owner: string; state: string; name: string }

/**
 * A tiny catalog + registration implementation that follows docs/design.md for the parts the
 * kit's non-workflow checks touch. Returns a `fetch` the kit can be pointed at.
 */
export function createFakePlatform(faults: FakeFaults = {}): typeof fetch {
  const entries: Entry[] = [];
  const idempotency = new Map<string, { body: string; status: number; answer: string }>();
  const nonces = new MemoryNonceStore();
  const secrets = new Map(ORGS.map((o) => [o.appKey, o.secret]));

  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = await request.text();
    const [, platform, , ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;

    if (platform === 'catalog' && path === '/search') {
      if (request.method !== 'GET') return fail('METHOD_NOT_ALLOWED');
      const items = entries.map(({ id, state, name }) => ({ id, state, name }));
      return json(200, { items, nextCursor: null, total: items.length, facets: { provider: [{ value: 'x', label: 'X', count: items.length }] } });
    }
    const verdict = verifySignature({
      method: request.method, url, headers: request.headers, body, lookupSecret: (k) => secrets.get(k),
      nonceStore: faults.acceptReplays ? new MemoryNonceStore() : nonces,
    });
    if (!verdict.ok) return fail(verdict.code);
    const owner = verdict.appKey;
    const visible = (e: Entry) => faults.leak || e.owner === owner;

    if (platform === 'registration' && path === '/applications') {
      if (request.method !== 'GET') return fail('METHOD_NOT_ALLOWED');
      return json(200, { items: [], nextCursor: null, total: 0 });
    }
    if (platform !== 'catalog') return fail('NOT_FOUND');
    if (path === '/entries') {
      if (request.method === 'GET') {
        const items = entries.filter(visible).map(({ id, state, name }) => ({ id, state, name }));
        return json(200, { items, nextCursor: null, total: items.length });
      }
      if (request.method !== 'POST') return fail('METHOD_NOT_ALLOWED');
      const key = request.headers.get('idempotency-key');
      const previous = key ? idempotency.get(`${owner}/${key}`) : undefined;
      if (previous) {
        if (previous.body !== body) return fail('IDEMPOTENCY_KEY_REUSED');
        return new Response(previous.answer, { status: previous.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
      }
      const parsed = parseEntry(body);
      if ('invalid' in parsed) return faults.crashOnBadInput ? fail('INTERNAL') : invalid(parsed.invalid);
      const entry: Entry = { id: `ent_${entries.length + 1}`, owner, state: 'draft', name: parsed.name };
      entries.push(entry);
      const answer = JSON.stringify({ id: entry.id, state: entry.state, name: entry.name });
      if (key) idempotency.set(`${owner}/${key}`, { body, status: 201, answer });
      return new Response(answer, { status: 201, headers: { 'content-type': 'application/json' } });
    }
    const match = /^\/entries\/([^/]+)$/.exec(path);
    if (!match) return fail('NOT_FOUND');
    if (request.method !== 'GET' && request.method !== 'PATCH') return fail('METHOD_NOT_ALLOWED');
    const entry = entries.find((e) => e.id === decodeURIComponent(match[1]!) && visible(e));
    if (!entry) return fail('NOT_FOUND');
    if (request.method === 'PATCH') {
      const parsed = parseEntry(body);
      if ('invalid' in parsed) return faults.crashOnBadInput ? fail('INTERNAL') : invalid(parsed.invalid);
      entry.name = parsed.name;
    }
    return json(200, { id: entry.id, state: entry.state, name: entry.name });
  };
}

/** The entry, or the pointer of the member that is wrong (`''` for a body that is no JSON object). */
function parseEntry(text: string): { name: string } | { invalid: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { invalid: '' };
  }
  if (typeof value !== 'object' || value === null) return { invalid: '' };
  const v = value as Record<string, unknown>;
  const provider = v.provider as Record<string, unknown> | undefined;
  if (typeof v.name !== 'string') return { invalid: '/name' };
  if (!['unconditional', 'conditional', 'not_shared'].includes(v.sharingType as string)) return { invalid: '/sharingType' };
  if (typeof provider !== 'object' || provider === null) return { invalid: '/provider' };
  if (!creditCodeOk(provider.creditCode)) return { invalid: '/provider/creditCode' };
  return { name: v.name };
}
