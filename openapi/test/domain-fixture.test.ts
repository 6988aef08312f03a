// Checks the transcription in fixtures/domain.ts against the normative domain files when the
// shared folder sits beside the repository (development machines and CI).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/index.js';
import { DOMAIN_BOLD_LIMITS, DOMAIN_ENUMS, DOMAIN_FIELD_LISTS, DOMAIN_PRICING, DOMAIN_STATES, PROFILE_LIMITS, PROFILE_TABLE_COLUMNS } from './fixtures/domain.js';
import { parseBoldLimits, parseProfileTable, parseStates, readDomainFile } from './helpers/parse-domain.js';

const domainDir = fileURLToPath(new URL('../../../shared/domain', import.meta.url));
const sortKey = (l: { value: number; unit: string }) => `${l.unit}:${String(l.value).padStart(4, '0')}`;

describe.runIf(existsSync(domainDir))('fixtures/domain.ts agrees with ../shared/domain', () => {
  it.each(PLATFORMS)('%s: the procedure table states', (platform) => {
    const parsed = parseStates(readDomainFile(domainDir, platform));
    expect(parsed.length).toBeGreaterThan(0);
    expect([...parsed].sort()).toEqual([...DOMAIN_STATES[platform]].sort());
  });

  it.each(PLATFORMS)('%s: the bold limits', (platform) => {
    const parsed = parseBoldLimits(readDomainFile(domainDir, platform));
    expect(parsed.map(sortKey).sort()).toEqual(DOMAIN_BOLD_LIMITS[platform].map(sortKey).sort());
  });

  it('authorized-operation: the pricing rules and the enumerations', () => {
    const text = readDomainFile(domainDir, 'authorized-operation');
    for (const phrase of DOMAIN_PRICING.phrases) expect(text, phrase).toContain(phrase);
    for (const { domain, values } of DOMAIN_ENUMS) {
      for (const value of values) expect(text, `${domain}: ${value}`).toContain(`\`${value}\``);
    }
    for (const { heading, fields } of DOMAIN_FIELD_LISTS) {
      const paragraph = text.slice(text.indexOf(heading)).split('\n\n')[0] ?? '';
      expect(paragraph.length, heading).toBeGreaterThan(heading.length);
      for (const field of fields) expect(paragraph, `${heading}: ${field}`).toMatch(new RegExp(`\`${field}\`|\\b${field}\\b`));
    }
  });

  it('the README profile table: every working-day number is a limit of that profile', () => {
    const table = parseProfileTable(readDomainFile(domainDir, 'README'));
    expect([...table.keys()].sort()).toEqual(['inner-mongolia', 'national', 'xiamen']);
    for (const [profile, cells] of table) {
      PROFILE_TABLE_COLUMNS.forEach((platform, column) => {
        const values = PROFILE_LIMITS[platform]
          .filter((l) => l.unit === 'working_days')
          .map((l) => l.limits[profile as 'national' | 'inner-mongolia' | 'xiamen']);
        for (const number of cells[column] ?? []) {
          expect(values, `${profile} ${platform} ${number} WD`).toContain(number);
        }
      });
    }
  });
});
