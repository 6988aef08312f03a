#!/usr/bin/env node
import { WorkingCalendar } from '@gdx/calendar';
import { createStyle, timelineLines } from '@gdx/example-demo';
import { runUsageStory } from './usage-story.js';

const print = (line: string) => console.log(line);
try {
  const result = await runUsageStory({ print });
  print('\nTimeline (dates as the platform answered them; each working-day clock counted day by day):');
  timelineLines(result.timeline, WorkingCalendar.official(), createStyle(process.stdout.isTTY === true && !process.env.NO_COLOR)).forEach(print);
} catch (error) {
  console.error('open-data usage example failed / 依申请开放示例失败:', error);
  process.exitCode = 1;
}
