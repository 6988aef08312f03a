#!/usr/bin/env node
import { WorkingCalendar } from '@gdx/calendar';
import { createStyle, timelineLines } from '@gdx/example-demo';
import { runOperationStory } from './operation-story.js';

const print = (line: string) => console.log(line);
try {
  const result = await runOperationStory({ print });
  print('\nTimeline (dates as the platform answered them; each working-day clock counted day by day):');
  timelineLines(result.timeline, WorkingCalendar.official(), createStyle(process.stdout.isTTY === true && !process.env.NO_COLOR)).forEach(print);
} catch (error) {
  console.error('authorized-operation example failed / 授权运营示例失败:', error);
  process.exitCode = 1;
}
