#!/usr/bin/env node
import { constants } from 'node:os';
import { main } from './cli/main.js';
import { SandboxRegistry } from './http/sandbox-registry.js';

/** How long a cancelled run waits for the target to delete its sandboxes before it exits anyway. */
const CLEANUP_MS = 5_000;

const sandboxes = new SandboxRegistry();
let cancelling = false;

// A CI cancellation (SIGTERM) or Ctrl-C would leave the sandboxes the run created on the target:
// delete them first (bounded, a second signal exits at once), then exit as the signal would (128 + n).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    const code = 128 + constants.signals[signal];
    if (cancelling) process.exit(code);
    cancelling = true;
    process.stderr.write(`gdx-conformance: ${signal}: deleting the ${sandboxes.size} sandbox(es) this run created, then exiting (已取消)\n`);
    void sandboxes.disposeAll(CLEANUP_MS).finally(() => process.exit(code));
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  env: process.env,
  sandboxes,
});
