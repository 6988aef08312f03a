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
  const region = parts.region ?? profile.regionCode;
  // The text around the sequence number is the same for every code of a profile, region and year:
  // made once and kept for the last of those coded (a clock advance codes thousands in a row).
  const last = lastAround;
  if (last !== undefined && last.coding === coding && last.prefix === coding.prefix && last.template === coding.template && last.region === region && last.year === parts.year) {
    return last.head + seqText(coding, parts.seq) + last.tail;
  }
  const around = aroundSeq(coding, region, parts.year);
  if (around === undefined) return formatPieces(profile, parts);
  lastAround = around;
  return around.head + seqText(coding, parts.seq) + around.tail;
}

/** A code's text before and after its one `{seq}`, for a coding rule, region and year. */
interface AroundSeq {
  readonly coding: object;
  /** The rule's prefix and template when the text was made (a rule changed in place is not answered from it). */
  readonly prefix: string;
  readonly template: string;
  readonly region: string;
  readonly year: number;
  readonly head: string;
  readonly tail: string;
}

let lastAround: AroundSeq | undefined;

/** The text around the template's one `{seq}` (`undefined` when it has none or several: `formatPieces` formats those). */
function aroundSeq(coding: Profile['options']['coding'], region: string, year: number): AroundSeq | undefined {
  const pieces = piecesOf(coding, coding.template);
  const at = pieces.findIndex((piece) => piece.key === 'seq');
  if (at < 0 || pieces.findIndex((piece, i) => i > at && piece.key === 'seq') >= 0) return undefined;
  const text = (from: number, to: number): string => pieces.slice(from, to).map((piece) => pieceText(coding, piece, region, year)).join('');
  return { coding, prefix: coding.prefix, template: coding.template, region, year, head: text(0, at), tail: text(at + 1, pieces.length) };
}

/** A piece other than `{seq}`: its literal text or the placeholder's value. */
function pieceText(coding: Profile['options']['coding'], piece: Piece, region: string, year: number): string {
  switch (piece.key) {
    case undefined: return piece.text;
    case 'prefix': return coding.prefix;
    case 'region': return region;
    case 'year': return String(year);
    default: return '';
  }
}

/** The sequence number as the coding rule writes it: zero-padded to its digits. */
function seqText(coding: Profile['options']['coding'], seq: number): string {
  return String(seq).padStart(coding.seqDigits, '0');
}

/** The code piece by piece (a template without exactly one `{seq}`). */
function formatPieces(profile: Profile, parts: { year: number; seq: number; region?: string }): string {
  const coding = profile.options.coding;
  const region = parts.region ?? profile.regionCode;
  let code = '';
  for (const piece of piecesOf(coding, coding.template)) {
    code += piece.key === 'seq' ? seqText(coding, parts.seq) : pieceText(coding, piece, region, parts.year);
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
