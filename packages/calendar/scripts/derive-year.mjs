// Prints src/data/<year>.ts from the chinese-days package data (a devDependency, MIT).
// Usage: node scripts/derive-year.mjs 2026 '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）' > src/data/2026.ts
// Check the output by hand against the notice before committing: the data is source, not generated.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const NAMES = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
};

const [year, source] = process.argv.slice(2);
if (!/^\d{4}$/.test(year ?? '') || !source) {
  console.error('usage: node scripts/derive-year.mjs <year> <source notice>');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const file = require.resolve(`chinese-days/dist/years/${year}.json`);
const data = JSON.parse(readFileSync(file, 'utf8'));

const days = (record) =>
  Object.entries(record)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, label]) => {
      const english = label.split(',')[0];
      const name = NAMES[english];
      if (!name) throw new Error(`unknown festival ${english} on ${date}`);
      return `    { date: '${date}', name: '${name}' },`;
    })
    .join('\n');

process.stdout.write(`import type { YearSchedule } from '../year-schedule.js';

/** ${year}: derived from chinese-days ${require('chinese-days/package.json').version} and checked by hand against the notice. */
export const schedule${year}: YearSchedule = {
  year: ${year},
  source: '${source}',
  holidays: [
${days(data.holidays)}
  ],
  makeupWorkdays: [
${days(data.workdays)}
  ],
};
`);
