/**
 * The form in which names that read the same compare equal: NFKC-normalised (full-width letters,
 * digits and spaces become their usual forms, as catalog search reads text) and trimmed of
 * surrounding white space (the ideographic space U+3000 too). Case is kept: it is a name, not a
 * search term. Use it to compare names, never to store them (a name is kept as written).
 *
 * @example
 * ```ts
 * nameKey(' 商业营销　') === nameKey('商业营销'); // true
 * nameKey('ＡＩ训练') === nameKey('AI训练'); // true
 * ```
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim();
}
