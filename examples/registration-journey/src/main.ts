#!/usr/bin/env node
import { createStyle, timelineLines } from '@gdx/example-demo';
import { runRegistrationJourney } from './journey.js';

const print = (line: string) => console.log(line);
try {
  const result = await runRegistrationJourney({ print });
  print('\nTimeline (dates as the platform answered them):');
  timelineLines(result.timeline, result.calendar, createStyle(process.stdout.isTTY === true && !process.env.NO_COLOR)).forEach(print);
  print(`\nLookup ${result.lookup.registrationCode}: ${result.lookup.state}, valid ${result.lookup.valid ? 'yes' : 'no'} until ${result.lookup.validUntil}`);
} catch (error) {
  console.error('registration journey failed / 登记示例失败:', error);
  process.exitCode = 1;
}
