import { generateNonce, problem, signRequest } from '@gdx/protocol';

/**
 * Deliberate defects, each breaking one rule of the real mock from outside it (used only in
 * tests, to prove the kit fails exactly where it should):
 * - `acceptance-4wd`: every sandbox gets an inline profile extending the one asked for, with a
 *   4 WD registration acceptance limit (the rule says 3);
 * - `leak`: a signed GET another organisation's object answers 404 to is retried as the
 *   sandbox's other organisations, so the owner's 200 leaks;
 * - `crash-on-bad-input`: a platform's 400 `VALIDATION_FAILED` becomes a 500 `INTERNAL`.
 */
export type MockFault = 'acceptance-4wd' | 'leak' | 'crash-on-bad-input';

interface Credentials { appKey: string; secret: string }

const PLATFORM_PATH = /^(?:\/sandboxes\/([^/]+))?\/(?:registration|sharing|open-data|catalog)\/v1\//;

async function json(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return undefined;
  }
}

/**
 * Wraps the mock's in-process fetch with one fault.
 *
 * @example
 * ```ts
 * const fetch = faultyFetch(createFetch(createApp()), 'leak');
 * ```
 */
export function faultyFetch(inner: typeof fetch, fault: MockFault): typeof fetch {
  const organisations = new Map<string, Credentials[]>();

  const remember = async (response: Response) => {
    const body = (await json(response)) as { id?: string; organizations?: Credentials[] } | undefined;
    if (body?.id && Array.isArray(body.organizations)) organisations.set(body.id, body.organizations);
  };

  const leak = async (request: Request, url: URL, answer: Response): Promise<Response> => {
    const sandboxId = PLATFORM_PATH.exec(url.pathname)?.[1] ?? 'default';
    const caller = request.headers.get('x-gdx-app-key');
    if (answer.status !== 404 || request.method !== 'GET' || caller === null) return answer;
    for (const org of organisations.get(sandboxId) ?? []) {
      if (org.appKey === caller) continue;
      const headers = signRequest({ method: 'GET', url, appKey: org.appKey, secret: org.secret, timestamp: Date.now(), nonce: generateNonce() });
      const other = await inner(url, { method: 'GET', headers });
      if (other.status === 200) return other;
    }
    return answer;
  };

  return async (input, init) => {
    let request = new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname.endsWith('/_sim/v1/sandboxes') && request.method === 'POST') {
      if (fault === 'acceptance-4wd') {
        const spec = (await request.clone().json()) as { profile?: unknown };
        const base = typeof spec.profile === 'string' ? spec.profile : 'national';
        const profile = { name: 'faulty-acceptance', extends: base, limits: { 'registration.acceptance': { value: 4 } } };
        request = new Request(request, { body: JSON.stringify({ ...spec, profile }) });
      }
      const created = await inner(request);
      await remember(created);
      return created;
    }
    if (!PLATFORM_PATH.test(url.pathname)) return inner(request);
    const answer = await inner(request.clone());
    if (fault === 'leak') return leak(request, url, answer);
    if (fault === 'crash-on-bad-input' && answer.status === 400) {
      const body = (await json(answer)) as { code?: string } | undefined;
      if (body?.code === 'VALIDATION_FAILED') {
        return new Response(JSON.stringify(problem('INTERNAL')), { status: 500, headers: { 'content-type': 'application/problem+json' } });
      }
    }
    return answer;
  };
}
