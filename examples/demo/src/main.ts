#!/usr/bin/env node
import { DEMO_USAGE, parseDemoArgs } from './demo-args.js';
import { runDemo } from './run-demo.js';

// Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org).
const color = process.stdout.isTTY === true && !process.env.NO_COLOR;

// A reader that stops early (`npm run demo | head -1`) closes the pipe: the rest of the story is
// not wanted, so the demo ends there, quietly and successfully, as `yes | head` does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** Settles on the first Ctrl-C (or a service manager's SIGTERM). */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

const args = parseDemoArgs(process.argv.slice(2), process.env);
if (args.kind === 'help') {
  console.log(DEMO_USAGE);
} else if (args.kind === 'error') {
  console.error(`demo: ${args.message}\n\n${DEMO_USAGE}`);
  process.exitCode = 2;
} else {
  try {
    await runDemo({ print: (line) => console.log(line), color, ...(args.keepOpen ? { keepOpen: untilInterrupted } : {}) });
  } catch (error) {
    console.error('demo failed / 演示失败:', error);
    process.exitCode = 1;
  }
}
