import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiClient, ResponseValidationError } from '../src/index.js';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();
const Application = z.object({
  id: z.string(),
  state: z.enum(['submitted', 'registered']),
  deadline: z.object({ dueDate: z.iso.date() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
});
const get = { operationId: 'getApplication', method: 'GET', path: '/applications/rga_1', responseSchema: Application } as const;
const valid = { id: 'rga_1', state: 'submitted', deadline: { dueDate: '2025-09-30' }, createdAt: '2025-09-26T10:00:00+08:00' };

describe('response validation', () => {
  const validating = () => new ApiClient({ baseUrl: server.origin, validateResponses: true });

  it('returns the parsed (transformed) value when the response matches', async () => {
    server.enqueue(json(200, valid));
    const got = await validating().request<z.output<typeof Application>>(get);
    expect(got.createdAt).toEqual(new Date('2025-09-26T02:00:00Z'));
  });

  it('throws ResponseValidationError with JSON pointers when it does not', async () => {
    server.enqueue(json(200, { ...valid, state: 'flying', deadline: { dueDate: '30/09/2025' } }));
    const error = await validating().request(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const { issues, code, operationId, data } = error as ResponseValidationError;
    expect(code).toBe('RESPONSE_VALIDATION_FAILED');
    expect(operationId).toBe('getApplication');
    expect(issues.map((i) => i.pointer).sort()).toEqual(['/deadline/dueDate', '/state']);
    expect(data).toMatchObject({ state: 'flying' });
  });

  it('ignores the schema unless validateResponses is on', async () => {
    server.enqueue(json(200, { id: 1 }));
    await expect(new ApiClient({ baseUrl: server.origin }).request(get)).resolves.toEqual({ id: 1 });
  });
});
