#!/usr/bin/env node
import { WorkingCalendar } from '@gdx/calendar';
import { createStyle, timelineLines } from '@gdx/example-demo';
import { runCatalogEditor } from './run-catalog-editor.js';

const print = (line: string) => console.log(line);
try {
  const result = await runCatalogEditor({ print });
  print(`\nTimeline of ${result.republished.resourceCode} (dates as the platform answered them):`);
  timelineLines(result.timeline, WorkingCalendar.official(), createStyle(process.stdout.isTTY === true && !process.env.NO_COLOR)).forEach(print);
} catch (error) {
  console.error('catalog editor example failed / 目录编目示例失败:', error);
  process.exitCode = 1;
}
