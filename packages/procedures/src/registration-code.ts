import type { Profile } from './profile-schema.js';

/**
 * A registration result code under the profile's coding rule (national: 登记结果查询码; Inner
 * Mongolia: the 登记证书 number). `{prefix}`, `{region}` (the profile's 行政区划代码), `{year}`
 * and `{seq}` (zero-padded to `seqDigits`) are replaced in `options.coding.template`.
 *
 * @example
 * formatRegistrationCode(resolveProfile('xiamen'), { year: 2025, seq: 17 }); // 'XMDJ3502002025000017'
 */
export function formatRegistrationCode(profile: Profile, parts: { year: number; seq: number; region?: string }): string {
  const { prefix, template, seqDigits } = profile.options.coding;
  const values: Record<string, string> = {
    prefix,
    region: parts.region ?? profile.regionCode,
    year: String(parts.year),
    seq: String(parts.seq).padStart(seqDigits, '0'),
  };
  return template.replace(/\{(prefix|region|year|seq)\}/g, (_, key: string) => values[key] ?? '');
}
