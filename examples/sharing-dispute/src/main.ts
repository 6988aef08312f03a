#!/usr/bin/env node
import { createStyle, timelineLines } from '@gdx/example-demo';
import { runSharingDispute } from './dispute.js';

const print = (line: string) => console.log(line);
try {
  const result = await runSharingDispute({ print });
  print('\nTimeline (dates as the platform answered them):');
  timelineLines(result.timeline, result.calendar, createStyle(process.stdout.isTTY === true && !process.env.NO_COLOR)).forEach(print);
  print(`\nRejection reasons: ${result.rejected.reasons.map((r) => r.text).join('; ')}`);
  print(`Grant ${result.grant.id}: ${result.grant.deliveryMethod} ${result.grant.endpoint ?? ''} — scenario “${result.grant.scope.scenario.name}”, valid until ${result.grant.validUntil}`);
} catch (error) {
  console.error('sharing dispute failed / 共享争议示例失败:', error);
  process.exitCode = 1;
}
