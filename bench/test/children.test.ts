import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkServer, freePort, runInChild, spawnServer } from '../src/process/children.js';

/** GET over loopback; resolves with the body, or rejects when nothing listens. */
function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gdx-bench-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('child servers', () => {
  it('forks a script, learns its port over IPC, and stops it', async () => {
    const script = join(dir, 'echo-server.mjs');
    await writeFile(
      script,
      `import { createServer } from 'node:http';
process.once('message', ({ body }) => {
  const server = createServer((req, res) => res.end(body));
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
});`,
    );
    const server = await forkServer(pathToFileURL(script), { body: 'hello from the child' });
    expect(await get(server.port)).toBe('hello from the child');
    expect(server.pid).not.toBe(process.pid);
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    await expect(get(server.port)).rejects.toThrow();
  });

  it('spawns a command, waits for its port, and stops it', async () => {
    const port = await freePort();
    const code = `require('node:http').createServer((q, s) => s.end('up')).listen(${port}, '127.0.0.1')`;
    const server = await spawnServer(process.execPath, ['-e', code], port);
    expect(await get(port)).toBe('up');
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
  });

  it('reports a command that exits before listening, with the end of its output', async () => {
    const port = await freePort();
    await expect(spawnServer(process.execPath, ['-e', 'console.error("no spec file"); process.exit(3)'], port)).rejects.toThrow(
      /exited with code 3: no spec file/,
    );
  });

  it('reports a forked script that dies before reporting its port', async () => {
    const script = join(dir, 'crash.mjs');
    await writeFile(script, 'process.exit(4);');
    await expect(forkServer(pathToFileURL(script), {})).rejects.toThrow(/exited with code 4/);
  });
});

describe('one-shot children', () => {
  it('sends a child its input and resolves with its one answer, the child gone', async () => {
    const script = join(dir, 'double.mjs');
    await writeFile(script, `process.once('message', ({ n }) => process.send({ doubled: n * 2, pid: process.pid }, () => process.exit(0)));`);
    const answer = await runInChild<{ doubled: number; pid: number }>(pathToFileURL(script), { n: 21 }, 10_000);
    expect(answer.doubled).toBe(42);
    expect(answer.pid).not.toBe(process.pid);
    expect(isAlive(answer.pid)).toBe(false);
  });

  it('rejects when the child exits without answering', async () => {
    const script = join(dir, 'silent.mjs');
    await writeFile(script, `process.once('message', () => process.exit(5));`);
    await expect(runInChild(pathToFileURL(script), {}, 10_000)).rejects.toThrow(/exited with code 5 before answering/);
  });

  it('stops a child that does not answer in time', async () => {
    const script = join(dir, 'slow.mjs');
    await writeFile(script, `setInterval(() => {}, 1_000);`);
    // The error names the child's pid: on a loaded machine the child may not have run a line of
    // its own before it is stopped (a pid file it was to write was missing at a load of 16).
    const error = await runInChild(pathToFileURL(script), {}, 3_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/\(pid \d+\) did not answer within 3000 ms/);
    const pid = Number(/\(pid (\d+)\)/.exec(String(error))?.[1]);
    expect(isAlive(pid)).toBe(false);
  });
});

describe('failure reasons', () => {
  it('quotes the error line of a crashed child rather than its stack', async () => {
    const port = await freePort();
    const code = 'console.error("file:///x.js:1\\nSyntaxError: The requested module does not provide an export named y\\n    at ModuleJob._instantiate (node:internal)\\n\\nNode.js v20"); process.exit(1)';
    await expect(spawnServer(process.execPath, ['-e', code], port)).rejects.toThrow(
      'exited with code 1: SyntaxError: The requested module does not provide an export named y',
    );
  });
});
