#!/usr/bin/env node
import { runWalkthrough } from './run-walkthrough.js';

try {
  const run = await runWalkthrough();
  console.log(`gdx-mock ran on ${run.mockUrl}; python3 gdx_walkthrough.py printed:\n`);
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exitCode = run.exitCode ?? 1;
} catch (error) {
  console.error('plain-HTTP walkthrough failed / 纯 HTTP 示例失败:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
