export { HEADERS, type HeaderName } from './headers.js';
export { isSignatureAlgorithm, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './algorithms.js';
export { sm3SelfTest, Sm3UnavailableError } from './sm3-self-test.js';
export { contentDigest, type SignableBody } from './digest.js';
export { readableHeaderValue } from './header-text.js';
export { isHttpToken } from './http-token.js';
export { canonicalQuery, canonicalRequest, encodeRfc3986, type CanonicalRequestParts, type QueryInput } from './canonical.js';
export { computeSignature, hmacSigner } from './hmac.js';
export {
  createRequestSigner,
  signRequest,
  type SignableRequest,
  type SigningCredentials,
  type SignRequestInput,
} from './sign.js';
export {
  verifySignature,
  type HeaderSource,
  type SignatureFailureCode,
  type SignatureHelp,
  type VerifyInput,
  type VerifyResult,
} from './verify.js';
export { MemoryNonceStore, type MemoryNonceStoreOptions, type NonceStore, type SavedNonce } from './nonce-store.js';
export { generateNonce, NONCE_PATTERN, requestId } from './ids.js';
export { ROLE_NAMES_ZH } from './roles.js';
export {
  isProblemCode,
  PROBLEM_CODES,
  type LocalizedMessage,
  type ProblemCode,
  type ProblemCodeEntry,
} from './problems/codes.js';
export {
  isProblemDetails,
  problem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  problemType,
  type FieldError,
  type ProblemDetails,
  type ProblemOptions,
} from './problems/problem.js';
export { signWebhookBody, verifyWebhookSignature, WEBHOOK_HEADERS, type WebhookHeaderValue, type WebhookVerifyInput } from './webhook.js';
