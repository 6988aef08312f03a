/** The fields Node puts on the error of a `listen` that failed (`server.listen` rejecting). */
interface ListenError extends Error {
  readonly code: string;
  readonly syscall: 'listen';
  readonly address?: string;
  readonly port?: number;
}

function isListenError(error: unknown): error is ListenError {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return error instanceof Error && typeof code === 'string' && syscall === 'listen';
}

/**
 * The message, in Chinese and English, of a port `gdx-mock` could not listen on, with what to do
 * about it; `undefined` for any other error. Node's own text (`listen EADDRINUSE: address already
 * in use 127.0.0.1:4010`) names neither the flag to change nor the usual cause: a second mock
 * started in CI while the first one still holds the port.
 *
 * @example
 * ```ts
 * listenRefusalMessage(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', syscall: 'listen', address: '127.0.0.1', port: 4010 }));
 * // '[EADDRINUSE] 端口 4010 已被占用（127.0.0.1）… / port 4010 on 127.0.0.1 is already in use …'
 * ```
 */
export function listenRefusalMessage(error: unknown): string | undefined {
  if (!isListenError(error)) return undefined;
  // Node leaves `port` out (or 0) when none was asked for, e.g. `--host` refused with `--port 0`.
  const address = error.address ?? 'the host';
  const where = error.port ? `${address}:${error.port}` : address;
  switch (error.code) {
    case 'EADDRINUSE':
      return (
        `[EADDRINUSE] 端口已被占用（${where}），可能另一个 gdx-mock 仍在运行：停止该进程，或换用其他 --port（--port 0 自动选择空闲端口）` +
        ` / port already in use (${where}), perhaps by another gdx-mock still running: stop that process, or choose another --port (--port 0 picks a free one)`
      );
    case 'EACCES':
      return (
        `[EACCES] 无权监听该端口（${where}）：低于 1024 的端口需要特权，请换用更高的 --port` +
        ` / not permitted to listen on ${where}: ports below 1024 need privileges; choose a higher --port`
      );
    case 'EADDRNOTAVAIL':
      return (
        `[EADDRNOTAVAIL] 本机没有该地址（${where}）：--host 应为本机的一个地址，或 0.0.0.0 / :: 监听所有网卡` +
        ` / ${error.address ?? 'the address'} is not an address of this machine: --host takes one of its addresses, or 0.0.0.0 / :: for every interface`
      );
    default:
      return undefined;
  }
}
