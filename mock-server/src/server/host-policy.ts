import { isIP } from 'node:net';

/** Options of {@link hostPolicy}. */
export interface HostPolicyOptions {
  /** The address the server is bound to (`--host`), e.g. `127.0.0.1`, `::1`, `0.0.0.0`. */
  bindHost: string;
  /** The port it listens on (the real one, after a `0` was resolved). */
  port: number;
  /** Extra host names (`--allowed-host`), any port; `.example.org` also allows its subdomains. */
  allowedHosts: readonly string[];
}

/** Which `Host` headers a server answers the simulation API for. */
export interface HostPolicy {
  /** Whether this `Host` header value may reach the simulation API (an absent one may: no browser omits it). */
  allows(host: string | undefined): boolean;
  /** True when bound to every interface without an allow-list: any `Host` passes (the CLI warns). */
  readonly open: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const ALLOWED_HOST = /^(\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * Whether an address only the machine itself can reach is meant (`127.0.0.0/8`, `::1`, `localhost`).
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0'); // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/**
 * Whether an address binds every interface (`0.0.0.0`, `::`).
 *
 * @example
 * ```ts
 * isWildcardHost('0.0.0.0'); // true
 * ```
 */
export function isWildcardHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === '0.0.0.0' || bare === '::' || bare === '';
}

/**
 * Checks an `--allowed-host` value and gives it in lower case: a host name (`mock.example.org`),
 * a domain with a leading dot for it and its subdomains (`.example.org`), an IPv4 address or a
 * bracketed IPv6 one; no port, no scheme. Throws `[INVALID_ALLOWED_HOST]` otherwise.
 *
 * @example
 * ```ts
 * normalizeAllowedHost('Mock.Example.org'); // 'mock.example.org'
 * ```
 */
export function normalizeAllowedHost(value: string): string {
  const host = value.trim().toLowerCase();
  if (!ALLOWED_HOST.test(host)) {
    throw new RangeError(`[INVALID_ALLOWED_HOST] 允许的主机名须为不带端口的主机名、.域名或 IP 地址 / an allowed host is a host name, .domain or IP address without a port: ${value}`);
  }
  return host;
}

/** Splits a `Host` header into a lower-case name (IPv6 kept in brackets) and a port (80 when absent). */
function splitHost(host: string): { name: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:\[\]]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!match) return undefined;
  return { name: match[1] as string, port: match[2] === undefined ? 80 : Number(match[2]) };
}

/**
 * The `Host` check against DNS rebinding: a page of `attacker.example` whose name was re-pointed
 * at 127.0.0.1 reaches the server with `Host: attacker.example:4010`, which no rule here lets
 * through. Allowed are the names in `allowedHosts` (any port), and with the listening port: the
 * bound address itself; `localhost`, `127.0.0.1` and `[::1]` when bound to loopback or to every
 * interface; any IP address when bound to every interface (a rebinding page always has a name).
 * Bound to every interface without an allow-list, the check is off (`open`): a server reached
 * under names the mock cannot know (`http://gdx-mock:4010` in a compose network) keeps working,
 * and the CLI warns to use `--allowed-host` or `--sim-token`.
 *
 * @example
 * ```ts
 * const policy = hostPolicy({ bindHost: '127.0.0.1', port: 4010, allowedHosts: [] });
 * policy.allows('localhost:4010'); // true
 * policy.allows('attacker.example:4010'); // false
 * ```
 */
export function hostPolicy(options: HostPolicyOptions): HostPolicy {
  const allowed = options.allowedHosts.map(normalizeAllowedHost);
  const wildcard = isWildcardHost(options.bindHost);
  const bound = options.bindHost.includes(':') && !options.bindHost.startsWith('[') ? `[${options.bindHost}]` : options.bindHost;
  const names = new Set([bound.toLowerCase(), ...(wildcard || isLoopbackHost(options.bindHost) ? LOOPBACK_NAMES : [])]);
  const open = wildcard && allowed.length === 0;
  const listed = (name: string): boolean => allowed.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry));
  return {
    open,
    allows(host) {
      if (host === undefined || open) return true;
      const parts = splitHost(host);
      if (!parts) return false;
      if (listed(parts.name)) return true;
      if (parts.port !== options.port) return false;
      return names.has(parts.name) || (wildcard && isIP(parts.name.replace(/^\[|\]$/g, '')) !== 0);
    },
  };
}
