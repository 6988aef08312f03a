import { shortInstant } from '../lib/dates.js';

/**
 * An instant as the console shows it (`2025-09-26 09:00`, Beijing time), or `—` for none. A
 * `<time>`, which the stylesheet keeps on one line: broken at its hyphen or space in a narrow
 * column, "2025-" over "09-26" reads as two values.
 */
export function Instant({ at, testId }: { at: string | null | undefined; testId?: string }) {
  return at ? (
    <time dateTime={at} data-testid={testId}>
      {shortInstant(at)}
    </time>
  ) : (
    <>—</>
  );
}

/** A calendar date (`2025-09-30`), kept on one line as {@link Instant} is. */
export function DateOnly({ date }: { date: string }) {
  return <time dateTime={date}>{date}</time>;
}
