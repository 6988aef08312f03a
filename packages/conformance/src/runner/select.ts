/** Compiles an id glob (`*` any run of characters, `?` one character; case-insensitive). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * Decides whether a check id is selected: it must match one `include` glob (when any are given)
 * and no `exclude` glob.
 *
 * @example
 * ```ts
 * isSelected('REG-ACCEPT-01', ['REG-*'], ['*-02']); // true
 * ```
 */
export function isSelected(id: string, include: readonly string[] = [], exclude: readonly string[] = []): boolean {
  const matches = (globs: readonly string[]) => globs.some((g) => globToRegExp(g).test(id));
  if (include.length > 0 && !matches(include)) return false;
  return !matches(exclude);
}
