import { asyncWorkload } from '../core/measure.js';
import { infoRow, type Row } from '../core/report.js';
import { sampleInterleaved, type SamplePlan } from '../core/sample.js';

/**
 * "Signing overhead per request", informational: the same `ApiClient` call over an in-memory
 * transport (no network, so the difference is the signing step alone: canonical string, body
 * digest, HMAC, nonce) unsigned, with HMAC-SHA256 and with HMAC-SM3.
 *
 * @example
 * ```ts
 * const rows = await signingRows('{"id":"rga_1"}', quickPlan());
 * ```
 */
export async function signingRows(body: string, plan: SamplePlan): Promise<Row[]> {
  const { ApiClient } = await import('@gdx/runtime');
  const headers = new Headers({ 'content-type': 'application/json' });
  const transport = { send: async () => ({ status: 200, headers, body }) };
  const baseUrl = 'http://127.0.0.1:1/registration/v1';
  const request = { operationId: 'getApplication', method: 'GET' as const, path: '/applications/{applicationId}', pathParams: { applicationId: 'rga_1' } };
  const credentials = { appKey: 'ak_bench', secret: 'bench-secret-0123456789' };
  const call = (client: InstanceType<typeof ApiClient>) => () => client.request(request);

  const [unsigned, sha256, sm3] = await sampleInterleaved(
    [
      asyncWorkload('unsigned', call(new ApiClient({ baseUrl, transport }))),
      asyncWorkload('HMAC-SHA256', call(new ApiClient({ baseUrl, transport, credentials: { ...credentials, algorithm: 'HMAC-SHA256' } }))),
      asyncWorkload('HMAC-SM3', call(new ApiClient({ baseUrl, transport, credentials: { ...credentials, algorithm: 'HMAC-SM3' } }))),
    ],
    plan,
  );
  const micros = (opsPerSec: number): number => 1e6 / opsPerSec;
  return [sha256!, sm3!].map((signed) =>
    infoRow(`signing overhead per request (${signed.name})`, `${(micros(signed.median) - micros(unsigned!.median)).toFixed(1)} µs`),
  );
}
