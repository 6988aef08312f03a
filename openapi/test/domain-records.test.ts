// Fails when a member the domain lists for a sharing or open-data record is optional in the contract:
// a platform could then leave out what the rules say the record holds, and the kit's schema checks
// would still pass it.
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, type PlatformName } from '../src/index.js';
import { resolve, type JsonObject } from './helpers/walk-spec.js';

interface DomainRecord {
  platform: PlatformName;
  schema: string;
  /** Where the domain lists the members. */
  source: string;
  /** Required members, `a.b` for a member required inside a required object. */
  members: readonly string[];
}

const RECORDS: readonly DomainRecord[] = [
  {
    platform: 'sharing',
    schema: 'RequestSubmission',
    source: 'sharing.md §Request procedure, submitted',
    members: ['entryId', 'scenario', 'purpose', 'fields', 'deliveryMethod', 'periodOfUse', 'securityMeasures'],
  },
  {
    platform: 'sharing',
    schema: 'Grant',
    source: 'sharing.md §Request procedure, delivered (and §Principles: delivery is timestamped)',
    members: ['deliveryMethod', 'endpoint', 'fileReference', 'credentials', 'credentials.appKey', 'scope', 'validUntil', 'deliveredAt'],
  },
  {
    platform: 'sharing',
    schema: 'DataObjectionSubmission',
    source: 'sharing.md §Data-subject objection',
    members: ['subject', 'kind', 'dataReference', 'text'],
  },
  {
    platform: 'open-data',
    schema: 'ApplicationSubmission',
    source: 'open-data.md §Application procedure',
    members: ['applicant', 'scenario', 'dataScope', 'deliveryMethod', 'periodOfUse', 'securityMeasures', 'conditionEvidence'],
  },
  {
    platform: 'open-data',
    schema: 'Grant',
    source: 'open-data.md §Application procedure, approved',
    members: ['scope', 'conditions', 'deliveryMethod', 'validUntil', 'appKey'],
  },
  {
    platform: 'open-data',
    schema: 'Dataset',
    source: 'open-data.md §Datasets',
    members: ['title', 'summary', 'provider', 'domain', 'updateCycle', 'formats', 'fields', 'sampleRows'],
  },
  {
    platform: 'open-data',
    schema: 'OpeningPlan',
    source: 'open-data.md §Datasets (opening plan)',
    members: ['year', 'items'],
  },
];

/** The members of `path` (`a.b`) that are not required where they sit, following `$ref`s. */
function optionalAlong(platform: PlatformName, schema: string, path: string): string[] {
  const spec = loadBundledSpec(platform);
  let node = resolve<JsonObject>(spec, { $ref: `#/components/schemas/${schema}` });
  const optional: string[] = [];
  for (const name of path.split('.')) {
    if (!((node['required'] as string[] | undefined) ?? []).includes(name)) optional.push(name);
    node = resolve<JsonObject>(spec, (node['properties'] as JsonObject | undefined)?.[name] ?? {});
  }
  return optional;
}

describe('sharing and open-data records require the members the domain lists', () => {
  it.each(RECORDS.flatMap((r) => r.members.map((m) => [`${r.platform} ${r.schema}.${m}`, r, m] as const)))('%s', (_label, record, member) => {
    expect(optionalAlong(record.platform, record.schema, member), record.source).toEqual([]);
  });
});
