#!/usr/bin/env node
import { runDemo } from './run-demo.js';

// Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org).
const color = process.stdout.isTTY === true && !process.env.NO_COLOR;

try {
  await runDemo({ print: (line) => console.log(line), color });
} catch (error) {
  console.error('demo failed / 演示失败:', error);
  process.exitCode = 1;
}
