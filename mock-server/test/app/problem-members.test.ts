// The members the mock puts in problem answers are all declared by `ProblemDetails` in every
// contract. `ProblemDetails` is open (RFC 9457 extension members), so no validator notices an
// undeclared one: a generated client does not type it, Prism cannot check it. Two sides:
// - the list: every problem is built by `problemResponse`, whose `extensions` take
//   `ProblemExtensions`; each of its members is declared with the same JSON type in every contract;
// - the answers: refusals of each kind that carries a member, through HTTP, validated against the
//   closed `ProblemDetails` of every contract.
import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import { PROBLEM_EXTENSION_TYPES } from '../../src/app/problem-extensions.js';
import { entryOf, REQUESTER, requestBody } from '../sharing/fixtures.js';
import { closedSchemaErrors, type SpecName } from '../support/contract.js';
import type { Reply } from '../support/client.js';
import { openWorld, useWorld } from '../support/world.js';

const SPECS: readonly SpecName[] = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation', 'simulation'];
/** What `@gdx/protocol`'s `problem()` writes itself. */
const STANDARD = ['type', 'title', 'status', 'code', 'message', 'detail', 'errors', 'instance', 'requestId'];

type Schema = Record<string, any>;

/** The declared type of a `ProblemDetails` member, through a `$ref` to a component schema. */
function declaredType(spec: Schema, member: Schema | undefined): unknown {
  let node = member;
  while (node && typeof node.$ref === 'string') node = spec.components.schemas[node.$ref.split('/').pop()!];
  return node?.type;
}

describe.each(SPECS)('the %s contract declares every member of the mock\'s problems', (name) => {
  const spec = loadBundledSpec(name) as Schema;
  const properties = spec.components.schemas.ProblemDetails.properties as Record<string, Schema>;

  it('the standard members', () => {
    expect(STANDARD.filter((member) => !(member in properties))).toEqual([]);
  });

  it.each(Object.entries(PROBLEM_EXTENSION_TYPES))('%s, as %s', (member, type) => {
    expect(properties[member], `${member} declared`).toBeDefined();
    expect(declaredType(spec, properties[member])).toBe(type);
  });
});

describe('the refusals that carry extension members', () => {
  const ctx = useWorld(undefined, { quotas: { objects: 1 }, limits: { maxBodyBytes: 4096 } });

  it('answer problems that the closed ProblemDetails of every contract accepts', async () => {
    const world = await openWorld(ctx);
    const requester = world.org(REQUESTER);
    const submit = (body: unknown) => world.sharing('POST', '/requests', { as: requester, body });
    const answers: Record<string, Reply> = {};

    answers.legalBasis = await submit(requestBody(entryOf(world, 'not_shared')));
    answers.signatureHelp = await world.sharing('POST', '/requests', { as: requester, body: requestBody(entryOf(world, 'unconditional')), signedBody: '{}' });
    answers.limit = await submit(requestBody(entryOf(world, 'unconditional'), { purpose: '审核'.repeat(2048) }));
    answers.allowedMethods = await world.sharing('PUT', '/requests', { as: requester, body: {} });
    answers.suggestedRoutes = await world.sharing('GET', '/request', { as: requester });
    const created = await submit(requestBody(entryOf(world, 'unconditional')));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    answers.quota = await submit(requestBody(entryOf(world, 'unconditional')));
    // An unconditional request is delivered at once: an approval is a step its state does not take.
    answers.currentState = await world.act({ platform: 'sharing', objectType: 'request', objectId: created.body.id, action: 'approve' });
    answers.year = await world.advance({ workingDays: 500 });

    const seen = new Set<string>();
    for (const [member, reply] of Object.entries(answers)) {
      expect(reply.status, `${member}: ${JSON.stringify(reply.body)}`).toBeGreaterThanOrEqual(400);
      expect(reply.body[member], `${member} in ${JSON.stringify(reply.body)}`).toBeDefined();
      for (const key of Object.keys(reply.body)) seen.add(key);
      for (const name of SPECS) expect(closedSchemaErrors(name, 'ProblemDetails', reply.body), `${member} answer (${reply.body.code}) in ${name}`).toEqual([]);
    }
    // What was sent is what the list names (and the standard members).
    expect([...seen].filter((key) => !STANDARD.includes(key) && !(key in PROBLEM_EXTENSION_TYPES))).toEqual([]);
    expect([...seen]).toEqual(expect.arrayContaining(['quota', 'used', 'allowedEvents', 'reasonCode']));
  });
});
