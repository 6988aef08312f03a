import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The built `start` entry (`node dist/main.js`, what `npm run demo` runs), as CI and a newcomer run it.

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Settles with the exit code (signals as `null`). */
  exit: Promise<number | null>;
  /** Settles once stdout contains `text`. */
  waitFor(text: string): Promise<void>;
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(args: string[], env: Record<string, string> = {}): Run {
  const { GDX_DEMO_KEEP_OPEN: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...parentEnv, NO_COLOR: '1', ...env } });
  running.push(child);
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0)) (out.includes(w.text) ? w.resolve : () => waiters.push(w))();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exit.then(() => reject(new Error(`exited before printing ${text}:\n${out}\n${err}`)));
      }),
  };
}

/** The origin the demo said it listens on. */
const originOf = (stdout: string) => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];

describe('npm run demo (dist/main.js)', () => {
  it('stops quietly with 0 when its reader goes away (npm run demo | head -1)', async () => {
    const run = start([]);
    // Like `head -1`: read the first line, then close the pipe while the demo still writes.
    await run.waitFor('\n');
    run.child.stdout.destroy();
    expect(await run.exit).toBe(0);
    expect(run.stderr()).not.toMatch(/EPIPE|Unhandled/);
  });

  it('by default tells the story, prints the console links and exits 0 with its server stopped (as CI runs it)', async () => {
    const run = start([]);
    expect(await run.exit).toBe(0);
    const out = run.stdout();
    const origin = originOf(out)!;
    expect(out).toMatch(new RegExp(`registration +${origin}/_console/#/s/[^/\\s]+/objects\\n`));
    expect(out).toContain('--keep-open');
    expect(out.trimEnd().split('\n').at(-1)).toContain('Mock server stopped');
    await expect(fetch(`${origin}/_sim/v1/health`)).rejects.toThrow();
  }, 120_000);

  for (const [how, args, env] of [
    ['--keep-open', ['--keep-open'], {}],
    ['GDX_DEMO_KEEP_OPEN=1', [], { GDX_DEMO_KEEP_OPEN: '1' }],
  ] as const) {
    it(`with ${how} keeps the server and its console up until Ctrl-C (SIGINT), then stops and exits 0`, async () => {
      const run = start([...args], env);
      await run.waitFor('press Ctrl-C to stop');
      const origin = originOf(run.stdout())!;
      expect((await fetch(`${origin}/_sim/v1/health`)).status).toBe(200);
      expect((await fetch(`${origin}/_console/`)).status).toBe(200);
      const sandboxes = (await (await fetch(`${origin}/_sim/v1/sandboxes`)).json()) as { items: { id: string }[] };
      for (const match of run.stdout().matchAll(/\/_console\/#\/s\/([^/\s]+)\/objects\n/g)) expect(sandboxes.items.map((s) => s.id)).toContain(match[1]);
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      expect(run.stdout().trimEnd().split('\n').at(-1)).toContain('Mock server stopped');
    }, 120_000);
  }

  it('refuses an unknown option with the usage and exit code 2, changing nothing', async () => {
    const run = start(['--keep']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('unknown option --keep');
    expect(run.stderr()).toContain('--keep-open');
    expect(run.stdout()).toBe('');
  });
});
