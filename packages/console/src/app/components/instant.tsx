import { shortInstant } from '../lib/dates.js';

/**
 * An instant as the console shows it (`2025-09-26 09:00`, Beijing time), or `—` for none. Its date
 * and its time each stay on one line (broken at a hyphen, "2025-" over "09-26" reads as two
 * values); a line too narrow for both breaks between them.
 */
export function Instant({ at, testId }: { at: string | null | undefined; testId?: string }) {
  if (!at) return <>—</>;
  const [date, time] = shortInstant(at).split(' ');
  return (
    <time dateTime={at} data-testid={testId}>
      <span>{date}</span> <span>{time}</span>
    </time>
  );
}

/** A calendar date (`2025-09-30`), kept on one line as an {@link Instant}'s date is. */
export function DateOnly({ date }: { date: string }) {
  return (
    <time dateTime={date}>
      <span>{date}</span>
    </time>
  );
}
