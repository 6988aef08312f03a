// A platform URL under a sandbox that does not exist (never created, deleted, mistyped:
// `/sandboxes/{id}/registration/v1/applications`) is answered 404 NOT_FOUND naming the sandbox, by
// every operation, before its signature is checked. The contracts must declare that 404 on every
// platform operation: the lists and public reads had none, so a validating proxy (Prism) in front of
// a sandbox reported the answer as an undeclared status, as `startMock`'s watch does here.
import { loadBundledSpec, PLATFORMS } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import { defaultPlatforms, type OpenApiDocument } from '../../src/index.js';
import { readSpecOperations } from '../../src/app/spec-operations.js';
import { startMock } from '../support/harness.js';

describe('a platform operation under a sandbox that does not exist', () => {
  it('answers 404 NOT_FOUND naming the sandbox, a status every operation declares', async () => {
    const mock = await startMock(defaultPlatforms(), undefined, { logError: () => undefined });
    let closed = false;
    try {
      let count = 0;
      for (const platform of PLATFORMS) {
        for (const operation of readSpecOperations(loadBundledSpec(platform) as OpenApiDocument)) {
          const path = operation.path.replace(/\{[^}]+\}/g, 'x_1');
          const reply = await mock.call(operation.method.toUpperCase(), `/sandboxes/sbx_gone/${platform}/v1${path}`, operation.jsonBody ? { body: {} } : {});
          expect(reply.status, `${platform} ${operation.operationId}`).toBe(404);
          expect(reply.body).toMatchObject({ code: 'NOT_FOUND', detail: 'sandbox sbx_gone does not exist' });
          count++;
        }
      }
      expect(count).toBeGreaterThan(90);
      closed = true;
      // Throws when any of those answers has a status its operation does not declare.
      await mock.close();
    } finally {
      if (!closed) await mock.close().catch(() => undefined);
    }
  });
});
