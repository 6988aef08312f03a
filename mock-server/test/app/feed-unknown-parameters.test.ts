import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { IN_PROCESS, org, useMock } from '../support/harness.js';

// A misspelt filter of the feed (`organisationId=`) was ignored: the page held every
// organisation's events, and a receiver catching up processed the others'. The feed refuses them
// as every operation does (test/app/unknown-query-parameters.test.ts), from its contract.

const FEED = '/_sim/v1/sandboxes/default/events';

describe('the event feed refuses query parameters it does not know', () => {
  const ctx = useMock(IN_PROCESS);

  it('answers 400 VALIDATION_FAILED at /query/<name>, in both languages, naming the parameters it takes', async () => {
    await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'an event' }, as: org(ctx) });
    const refused = await ctx.call('GET', `${FEED}?organisationId=${org(ctx).id}`);
    expectContract('simulation', 'feedEvents', refused, 400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/query/organisationId', message: { zh: expect.stringContaining('organisationId'), en: expect.stringContaining('organizationId') } }] });
    // A name a JSON pointer escapes, after known ones.
    expect((await ctx.call('GET', `${FEED}?limit=5&a/b~c=1`)).body.errors[0].pointer).toBe('/query/a~1b~0c');
  });

  it('takes every parameter the contract declares', async () => {
    const doc = loadBundledSpec('simulation') as any;
    // Inline, or a `$ref` to a shared parameter of the document's components.
    const declared = (doc.paths['/sandboxes/{sandboxId}/events'].get.parameters as { name?: string; $ref?: string }[]).map((p) => p.name ?? doc.components.parameters[p.$ref!.split('/').pop()!].name);
    const refused = await ctx.call('GET', `${FEED}?organisationId=x`);
    for (const name of declared) expect(refused.body.errors[0].message.en).toContain(name);
    const all = await ctx.call('GET', `${FEED}?limit=5&order=desc&platform=sharing&organizationId=${org(ctx).id}`);
    expectContract('simulation', 'feedEvents', all, 200);
  });
});
