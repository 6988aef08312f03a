import type { Organisation, ProfileRef, Random } from '../app/platform-module.js';
import { buildCreditCode, CREDIT_CODE_PREFIX } from './seed/credit-code.js';

/** Makes the organisations of a new sandbox (credentials drawn from the sandbox's seeded randomness). */
export type OrganisationSource = (input: { sandboxId: string; profile: ProfileRef; seed: number; random: Random }) => Organisation[];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function draw(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[random.int(ALPHABET.length)];
  return out;
}

const BUILTIN = [
  { id: 'org_provider', name: '市公安局', prefix: CREDIT_CODE_PREFIX.agency, body: '00310001', roles: ['data_provider', 'data_user', 'registrant'] },
  { id: 'org_user', name: '市人力资源和社会保障局', prefix: CREDIT_CODE_PREFIX.agency, body: '00310002', roles: ['data_user', 'data_provider', 'registrant'] },
  { id: 'org_company', name: '厦门数联科技有限公司', prefix: CREDIT_CODE_PREFIX.company, body: '70310003', roles: ['applicant', 'registrant'] },
] as const;

/**
 * Three organisations with valid credit codes (Xiamen, 350200): two agencies and a company.
 * Used when the app is given no other organisation source.
 *
 * @example
 * ```ts
 * const orgs = builtinOrganisations({ sandboxId: 'default', profile: 'national', seed: 1, random });
 * orgs[0].appKey; // 'ak_…'
 * ```
 */
export const builtinOrganisations: OrganisationSource = ({ random }) =>
  BUILTIN.map((o) => ({
    id: o.id,
    name: o.name,
    creditCode: buildCreditCode(o.prefix, '350200', o.body),
    regionCode: '350200',
    roles: [...o.roles],
    appKey: `ak_${draw(random, 24)}`,
    appSecret: draw(random, 40),
  }));
