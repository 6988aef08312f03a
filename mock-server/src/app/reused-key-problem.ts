import { HEADERS } from '@gdx/protocol';
import type { ProblemResultOptions } from './problem-response.js';

/**
 * The 422 `IDEMPOTENCY_KEY_REUSED` problem for a key first used with the fingerprint `known`: a
 * field error on the header saying what differs — the body (same method and target), or the
 * request (naming the method and target the key was first used for). A key kept in the first
 * form cannot tell which, and says so.
 *
 * @example
 * ```ts
 * problemResponse('IDEMPOTENCY_KEY_REUSED', reusedKeyProblem('k-1', known, 'POST', '/sharing/v1/notes?'), requestId, path);
 * ```
 */
export function reusedKeyProblem(key: string, known: string, method: string, target: string): ProblemResultOptions {
  const newline = known.indexOf('\n');
  const first = newline < 0 ? undefined : known.slice(0, newline).replace(/\?$/, '');
  const said = (detail: string, en: string, zh: string): ProblemResultOptions => ({
    detail: `key ${key} was first used ${detail}`,
    errors: [{ pointer: `/header/${HEADERS.idempotencyKey}`, code: 'IDEMPOTENCY_KEY_REUSED', message: { en, zh } }],
  });
  if (first === undefined) {
    return said(
      'with another request (body or target)',
      'This key was first used for another request (another body or target): a retry must send the same request; a new request needs a new key',
      '该幂等键已用于另一请求（请求体或目标不同）：重试须发送相同的请求；新请求须使用新的幂等键',
    );
  }
  if (first === `${method} ${target}`.replace(/\?$/, '')) {
    return said(
      'for this request with another body',
      'This key was first used for the same method and target with another body: a retry must send the same bytes; a new request needs a new key',
      '该幂等键已用于相同方法与目标、但请求体不同的请求：重试须发送相同的字节；新请求须使用新的幂等键',
    );
  }
  return said(`for another request: ${first}`, `This key was first used for another request (${first}): a new request needs a new key`, `该幂等键已用于另一请求（${first}）：新请求须使用新的幂等键`);
}

/**
 * The 409 `SANDBOX_DELETED` problem for a create or an import sent again with the key of a
 * sandbox deleted since: the first answer named a sandbox that is gone, and the key already made
 * one, so neither is answered; a field error on the header says to send a new key.
 *
 * @example
 * ```ts
 * problemResponse('SANDBOX_DELETED', deletedSandboxProblem('k-1', 'sbx_1'), requestId, path);
 * ```
 */
export function deletedSandboxProblem(key: string, sandboxId: string): ProblemResultOptions {
  return {
    detail: `key ${key} made sandbox ${sandboxId}, which was deleted since: nothing was created; send a new key to create another sandbox`,
    errors: [
      {
        pointer: `/header/${HEADERS.idempotencyKey}`,
        code: 'SANDBOX_DELETED',
        message: {
          en: `This key created sandbox ${sandboxId}, which was deleted since: a new sandbox needs a new key`,
          zh: `该幂等键所创建的沙箱 ${sandboxId} 已被删除：创建新沙箱须使用新的幂等键`,
        },
      },
    ],
  };
}
