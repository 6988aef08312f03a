import { isLoopbackHost, isWildcardHost } from '../server/host-policy.js';

/** What the warnings look at: the server options of the command line. */
export interface Exposure {
  host: string;
  allowedHosts: readonly string[];
}

/**
 * The warnings `gdx-mock` prints at start when its simulation API (every organisation's secret,
 * reset, clock) is reachable by more than the local machine's own pages: bound beyond loopback
 * without `--sim-token`, and bound to every interface without `--allowed-host` (any `Host`, so a
 * DNS-rebinding page counts as the server's own origin).
 *
 * @example
 * ```ts
 * exposureWarnings({ host: '127.0.0.1', allowedHosts: [] }, false); // []
 * exposureWarnings({ host: '0.0.0.0', allowedHosts: [] }, false).length; // 2
 * ```
 */
export function exposureWarnings(server: Exposure, hasSimToken: boolean): string[] {
  const warnings: string[] = [];
  if (!isLoopbackHost(server.host) && !hasSimToken) {
    warnings.push(
      `--host ${server.host} lets other machines reach the simulation API /_sim/v1 (all secrets, reset, clock) without a token; ` +
        'start with --sim-token <token> (or GDX_MOCK_SIM_TOKEN) / 模拟接口对其他机器开放且无令牌，请使用 --sim-token',
    );
  }
  if (isWildcardHost(server.host) && server.allowedHosts.length === 0) {
    warnings.push(
      `bound to ${server.host || 'every interface'} without --allowed-host: /_sim/v1 answers any Host header (no DNS-rebinding check); ` +
        'name the hosts clients use with --allowed-host / 未指定 --allowed-host，模拟接口接受任意 Host',
    );
  }
  return warnings;
}
