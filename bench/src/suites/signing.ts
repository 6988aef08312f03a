import { syncWorkload } from '../core/measure.js';
import { infoRow, type Row } from '../core/report.js';
import { sampleInterleaved, type SamplePlan } from '../core/sample.js';

const GET_URL = 'http://127.0.0.1:4010/registration/v1/applications/rga_01JB8ZK3M2Q4W6Y8A0C2E4G6J8';
const POST_URL = 'http://127.0.0.1:4010/registration/v1/applications';

/**
 * "Signing overhead per request", informational: the cost of `@gdx/protocol`'s request signer —
 * what the SDK's sign step adds to every attempt (canonical string, body digest, HMAC, nonce) —
 * for a GET and for a POST carrying `body`, with HMAC-SHA256 and HMAC-SM3. Measured as a
 * synchronous loop: an async loop around it would add more noise than the signing costs.
 *
 * @example
 * ```ts
 * const rows = await signingRows('{"type":"initial"}', quickPlan());
 * ```
 */
export async function signingRows(body: string, plan: SamplePlan): Promise<Row[]> {
  const { createRequestSigner } = await import('@gdx/protocol');
  const credentials = { appKey: 'ak_bench', secret: 'bench-secret-0123456789abcdef' };
  const workloads = (['HMAC-SHA256', 'HMAC-SM3'] as const).flatMap((algorithm) => {
    const sign = createRequestSigner({ ...credentials, algorithm });
    return [
      syncWorkload(`${algorithm}, GET`, () => sign({ method: 'GET', url: GET_URL })),
      syncWorkload(`${algorithm}, POST ${Buffer.byteLength(body)} B body`, () => sign({ method: 'POST', url: POST_URL, body })),
    ];
  });
  const samples = await sampleInterleaved(workloads, plan);
  return samples.map((s) => infoRow(`signing overhead per request (${s.name})`, `${(1e6 / s.median).toFixed(1)} µs`));
}
