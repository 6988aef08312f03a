/** The most names compared for one suggestion: a schema's properties, an operation's parameters. */
const MAX_CANDIDATES = 200;
/** Names longer than this are not compared (the distance is quadratic in their lengths). */
const MAX_LENGTH = 64;

/**
 * The name of `known` that `name` is most likely a slip for, or `undefined`: the same name in
 * another case, else the nearest within one edit (names of up to four characters) or two (longer
 * ones), where an edit inserts, deletes or replaces a character or swaps two neighbours
 * (`stat` → `state`, `reveiw` → `review`, `rightType` → `rightTypes`). On a tie the earlier name
 * of `known` wins, so the answer does not depend on anything but the two inputs.
 *
 * @example
 * ```ts
 * closestName('resourse', ['type', 'resource', 'registrants']); // 'resource'
 * closestName('foo', ['limit', 'cursor']); // undefined
 * ```
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > MAX_LENGTH) return undefined;
  const lower = name.toLowerCase();
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known.slice(0, MAX_CANDIDATES)) {
    if (candidate === name || candidate.length > MAX_LENGTH || Math.abs(candidate.length - name.length) > limit) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The optimal string alignment distance of `a` and `b` (Levenshtein plus swaps of neighbours),
 * or `limit + 1` as soon as it is known to exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

/**
 * The suggestion appended to a message, in both languages (empty when there is none).
 *
 * @example
 * ```ts
 * didYouMean('status'); // { en: ' (did you mean "status"?)', zh: '（是否应为 "status"？）' }
 * ```
 */
export function didYouMean(suggestion: string | undefined): { en: string; zh: string } {
  if (suggestion === undefined) return { en: '', zh: '' };
  const quoted = JSON.stringify(suggestion);
  return { en: ` (did you mean ${quoted}?)`, zh: `（是否应为 ${quoted}？）` };
}
