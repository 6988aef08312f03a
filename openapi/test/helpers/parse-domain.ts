import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformName } from '../../src/index.js';
import type { DomainUnit } from '../fixtures/domain.js';

const UNITS: Record<string, DomainUnit> = {
  WD: 'working_days',
  'working days': 'working_days',
  'calendar days': 'calendar_days',
  years: 'years',
  hours: 'hours',
};

/** State names in backticks in the first column of the domain file's tables. */
export function parseStates(markdown: string): string[] {
  const states = new Set<string>();
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`([a-z_]+)`\s*\|/.exec(line);
    if (match?.[1]) states.add(match[1]);
  }
  return [...states];
}

/** Distinct bold limits such as `**3 WD**` or `**60 calendar days**`. */
export function parseBoldLimits(markdown: string): { value: number; unit: DomainUnit }[] {
  const seen = new Map<string, { value: number; unit: DomainUnit }>();
  for (const match of markdown.matchAll(/\*\*(\d+) (WD|working days|calendar days|years|hours)\*\*/g)) {
    const unit = UNITS[match[2] ?? ''];
    if (!unit) continue;
    const value = Number(match[1]);
    seen.set(`${value} ${unit}`, { value, unit });
  }
  return [...seen.values()];
}

/** Rows of the README profile table: profile → working-day numbers per platform column. */
export function parseProfileTable(readme: string): Map<string, number[][]> {
  const rows = new Map<string, number[][]>();
  for (const line of readme.split('\n')) {
    const match = /^\|\s*`(national|inner-mongolia|xiamen)`\s*\|(.*)\|\s*$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    const cells = match[2].split('|').map((cell) => [...cell.matchAll(/(\d+) WD/g)].map((m) => Number(m[1])));
    rows.set(match[1], cells);
  }
  return rows;
}

export function readDomainFile(dir: string, platform: PlatformName | 'README'): string {
  return readFileSync(join(dir, `${platform}.md`), 'utf8');
}
