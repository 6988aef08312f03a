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
  const coding = profile.options.coding;
  let code = '';
  // Each placeholder's value made where the template has it (no table of all four per code).
  for (const piece of piecesOf(coding, coding.template)) {
    switch (piece.key) {
      case undefined: code += piece.text; break;
      case 'prefix': code += coding.prefix; break;
      case 'region': code += parts.region ?? profile.regionCode; break;
      case 'year': code += String(parts.year); break;
      case 'seq': code += String(parts.seq).padStart(coding.seqDigits, '0'); break;
    }
  }
  return code;
}

type Piece = { text: string; key?: undefined } | { key: string };

const PLACEHOLDER = /\{(prefix|region|year|seq)\}/g;
// A clock advance codes thousands of registrations under one profile: its template is split once
// (held weakly by the profile's coding options, so sandboxes' custom profiles leave nothing behind).
const pieces = new WeakMap<object, readonly Piece[]>();

/** The template's literal text and placeholders, in order. */
function piecesOf(coding: object, template: string): readonly Piece[] {
  let split = pieces.get(coding);
  if (split === undefined) {
    const out: Piece[] = [];
    let at = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      if (match.index > at) out.push({ text: template.slice(at, match.index) });
      out.push({ key: match[1] as string });
      at = match.index + match[0].length;
    }
    if (at < template.length) out.push({ text: template.slice(at) });
    pieces.set(coding, (split = out));
  }
  return split;
}
