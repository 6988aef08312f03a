/**
 * What `compute` answers, or `undefined` when it needs a year whose holiday schedule is not
 * published (`CALENDAR_NOT_PUBLISHED`): a duty's period is then shown as none, not guessed, and
 * the read it is part of still answers. Any other error is thrown.
 *
 * @example
 * ```ts
 * const duty = unlessYearUnpublished(() => disclosureDuty(profile, calendar, signedOn, events)); // undefined past 2026
 * ```
 */
export function unlessYearUnpublished<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    // By its code: the calendar's own error, or one that carries it on (the kernel's, a problem's).
    if ((error as { code?: unknown } | null)?.code === 'CALENDAR_NOT_PUBLISHED') return undefined;
    throw error;
  }
}
