/** Whether `value` is an absolute http(s) URL of at most 2,048 characters. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Why an http(s) URL is refused as written, in both languages, or `undefined`: the WHATWG parser
 * repairs `http:/x` and `http:x` into `http://x/`, so a typo would subscribe a host nobody meant.
 * The scheme must be followed by `//`.
 *
 * @example
 * ```ts
 * looselyWritten('http:/receiver.test/hook')?.en; // 'url must be written as an absolute URL, …'
 * looselyWritten('http://receiver.test/hook');     // undefined
 * ```
 */
export function looselyWritten(value: string): { en: string; zh: string } | undefined {
  if (/^https?:\/\//i.test(value)) return undefined;
  return {
    en: 'url must be written as an absolute URL, http:// or https:// followed by the host (a missing slash is not repaired)',
    zh: 'url 须为完整的绝对地址，以 http:// 或 https:// 加主机名开头',
  };
}

/**
 * Whether two http(s) URLs name the same endpoint once parsed (`HTTP://Receiver.test:80/hook`
 * and `http://receiver.test/hook` do): the host's case, a default port and escaping do not count,
 * nor does a fragment (`#a`), which a request never carries.
 *
 * @example
 * ```ts
 * sameUrl('http://Receiver.test:80/hook', 'http://receiver.test/hook'); // true
 * sameUrl('http://receiver.test/hook#a', 'http://receiver.test/hook');  // true
 * ```
 */
export function sameUrl(a: string, b: string): boolean {
  return endpointOf(a) === endpointOf(b);
}

/** The URL a request to `value` is sent to: parsed, without its fragment. */
function endpointOf(value: string): string {
  const url = new URL(value);
  url.hash = '';
  return url.href;
}

/**
 * Why no delivery to an http(s) URL could be sent, in both languages, or `undefined`: a fetch
 * (Node's, a browser's, or one that MSW intercepts) cannot even build a request to a URL with a
 * user name or password, and nothing listens on port 0. (A port the Fetch standard blocks, 6000 or 10080, is not refused here:
 * an intercepting fetch reaches it; Node's refuses to connect, and the log says `bad port`.)
 *
 * @example
 * ```ts
 * undeliverable('http://user:pass@127.0.0.1:9000/hook')?.en; // 'url must not hold a user name or password …'
 * undeliverable('http://127.0.0.1:9000/hook');               // undefined
 * ```
 */
export function undeliverable(value: string): { en: string; zh: string } | undefined {
  const url = new URL(value);
  if (url.port === '0') {
    return { en: 'url must not name port 0: no receiver listens there, so no delivery could be sent', zh: 'url 不得使用 0 端口：该端口无法接收回调' };
  }
  if (url.username === '' && url.password === '') return undefined;
  return {
    en: 'url must not hold a user name or password (user:password@): deliveries cannot be sent to it; authenticate deliveries by their signature',
    zh: 'url 不得包含用户名或密码（user:password@），否则无法投递；请以签名验证回调',
  };
}
