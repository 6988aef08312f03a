import { HEADERS, type FieldError, type SignatureHelp } from '@gdx/protocol';
import type { ProblemResultOptions } from './problem-response.js';

/**
 * The mock's `SIGNATURE_INVALID` problem when the verifier could canonicalise the request: the
 * `signatureHelp` extension (what the mock computed, documented as mock-only in the contracts'
 * `ProblemDetails`) and a zh/en field error on the header to fix that says what to compare. A
 * real platform answers without them, and the conformance kit never expects them.
 *
 * @example
 * ```ts
 * const verdict = verifySignature(input);
 * if (!verdict.ok && verdict.help) return problemResponse('SIGNATURE_INVALID', signatureHelpProblem(verdict, verdict.help, headers['x-gdx-content-digest']), requestId, path);
 * ```
 */
export function signatureHelpProblem(failure: { readonly detail: string; readonly error: FieldError }, help: SignatureHelp, sentDigest: string | undefined): ProblemResultOptions {
  const { detail } = failure;
  // Line 4 of the canonical string is the digest of the body received (no line can hold a `\n`:
  // path and query are percent-encoded).
  const expectedDigest = help.canonicalRequest.split('\n')[3];
  const digestWrong = expectedDigest !== sentDigest;
  // The right hash in capitals (Java's printHexBinary, .NET's Convert.ToHexString write them):
  // the verifier's own refusal says what differs, in the words of `@gdx/protocol`.
  if (digestWrong && sentDigest?.toLowerCase() === expectedDigest) return { detail, errors: [failure.error], extensions: { signatureHelp: help } };
  return {
    detail: digestWrong
      ? `${detail}: hash the raw body bytes as sent; signatureHelp.canonicalRequest shows the expected digest on its fourth line`
      : `${detail}: compare your canonical string line by line with signatureHelp.canonicalRequest, then HMAC exactly signatureHelp.stringToSign`,
    errors: [
      digestWrong
        ? {
            pointer: `/header/${HEADERS.contentDigest}`,
            code: 'CONTENT_DIGEST_MISMATCH',
            message: {
              zh: '内容摘要与收到的请求体不符：请对实际发送的原始字节计算摘要；signatureHelp.canonicalRequest 第 4 行为期望的摘要',
              en: 'The content digest does not match the body received: hash the raw bytes as sent; line 4 of signatureHelp.canonicalRequest is the expected digest',
            },
          }
        : {
            pointer: `/header/${HEADERS.signature}`,
            code: 'SIGNATURE_MISMATCH',
            message: {
              zh: '签名与规范请求不符：请将本方规范字符串与 signatureHelp.canonicalRequest 逐行比对（方法大写、路径按原样编码、查询参数排序与 RFC 3986 编码、摘要、时间戳、随机数、AppKey），再对 signatureHelp.stringToSign 计算 HMAC',
              en: 'The signature does not match the canonical request: compare your canonical string line by line with signatureHelp.canonicalRequest (upper-case method, path as sent, sorted RFC 3986 query, digest, timestamp, nonce, app key), then HMAC signatureHelp.stringToSign',
            },
          },
    ],
    extensions: { signatureHelp: help },
  };
}

