import { signRequest, type SignatureAlgorithm } from '@gdx/protocol';

/** Signature methods of docs/design.md §Authentication. */
export type SignatureMethod = SignatureAlgorithm;

/** An organisation's credentials, as given to the kit. */
export interface Organization {
  appKey: string;
  secret: string;
  /** Defaults to `HMAC-SHA256`. */
  algorithm?: SignatureMethod;
  /** The organisation's unified social credit code (统一社会信用代码). */
  creditCode: string;
  /**
   * Its roles (`registrant`, `data_user`, …) as a simulation API lists them; absent when unknown
   * (organisations given with `--org`), and then checks use organisations in the given order.
   */
  roles?: readonly string[];
  /**
   * Its id in a simulation API's sandbox, which officials' actions name (an operator selected or
   * designated); absent for organisations given with `--org`.
   */
  id?: string;
}

/** What goes into a signature. `timestamp` and `nonce` are explicit so checks can replay or age them. */
export interface SignInput {
  method: string;
  url: URL;
  body: string;
  organization: Organization;
  timestamp: number;
  nonce: string;
}

/**
 * The signing headers of docs/design.md §Authentication, through `@gdx/protocol`. Inputs are
 * explicit because the security checks forge bad requests: stale timestamps, replayed nonces,
 * bodies changed after signing.
 *
 * @example
 * ```ts
 * const headers = signHeaders({ method: 'GET', url: new URL('http://h/registration/v1/applications'),
 *   body: '', organization: org, timestamp: Date.now(), nonce: 'n0nce-0000000000001' });
 * ```
 */
export function signHeaders(input: SignInput): Record<string, string> {
  return signRequest({
    method: input.method,
    url: input.url,
    ...(input.body.length > 0 ? { body: input.body } : {}),
    appKey: input.organization.appKey,
    secret: input.organization.secret,
    algorithm: input.organization.algorithm,
    timestamp: input.timestamp,
    nonce: input.nonce,
  });
}
