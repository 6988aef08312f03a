/** What the request journal shows in place of a secret. */
export const REDACTED = '[redacted]';

/** The members of a simulation-API body that hold a secret: a webhook's signing `secret`, an organisation's app `secret`. */
const SECRET_MEMBERS: ReadonlySet<string> = new Set(['secret']);

const utf8 = new TextDecoder('utf-8');

/** A secret member in text that is not JSON (a malformed body): `"secret": "…"`, the value up to its closing quote or the end. */
const SECRET_IN_TEXT = /("secret"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)/g;

/**
 * A simulation-API body as the request journal may keep it: every `secret` member's value
 * replaced by `"[redacted]"` (a webhook's `secret` when it is subscribed, the organisations'
 * `secret`s in the answer of a reset), at any depth. The journal is diagnostics anyone with the
 * console sees, and the secrets sign deliveries and requests: the sandbox view is the one place
 * that shows an organisation's secret. A JSON body with a secret is kept re-serialised (compact);
 * one that is not JSON has the value of each `"secret": "…"` replaced in its text. A body without
 * a secret is handed back as it is (the same string or bytes).
 *
 * @example
 * ```ts
 * redactSecrets('{"url":"https://a.example/hook","secret":"s3cret-0123456789"}');
 * // '{"url":"https://a.example/hook","secret":"[redacted]"}'
 * ```
 */
export function redactSecrets(body: string | Uint8Array | undefined): string | Uint8Array | undefined {
  if (body === undefined || body.length === 0) return body;
  const text = typeof body === 'string' ? body : utf8.decode(body);
  // Cheap first: most writes hold no secret (a member name may be escaped, `"secr\u0065t"`: parsed below).
  if (!text.includes('secret') && !text.includes('\\u')) return body;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    const replaced = text.replace(SECRET_IN_TEXT, `$1"${REDACTED}"`);
    return replaced === text ? body : replaced;
  }
  return redactIn(value) ? JSON.stringify(value) : body;
}

/** Replaces the secret members of `value` in place; whether there was one. */
function redactIn(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  let found = false;
  if (Array.isArray(value)) {
    for (const item of value) found = redactIn(item) || found;
    return found;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (SECRET_MEMBERS.has(key) && object[key] !== null && object[key] !== undefined) {
      object[key] = REDACTED;
      found = true;
    } else {
      found = redactIn(object[key]) || found;
    }
  }
  return found;
}
