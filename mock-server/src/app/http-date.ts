const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// The three forms of HTTP-date a recipient must accept (RFC 9110 §5.6.7).
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * A time as an IMF-fixdate (RFC 9110 §5.6.7), the form HTTP date fields are sent in; whole seconds.
 *
 * @example
 * ```ts
 * imfFixdate(Date.UTC(2025, 8, 1, 2)); // 'Mon, 01 Sep 2025 02:00:00 GMT'
 * ```
 */
export function imfFixdate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * The time (epoch ms, whole seconds) of an HTTP-date in any of its three forms — IMF-fixdate, the
 * obsolete RFC 850 form (a two-digit year more than 50 years ahead of `now` is read in the past
 * century) and asctime — or `undefined` for anything else, which date fields then ignore (RFC 9110
 * §13.1.3). `Date.parse` is not used: it reads `1` or `2025` as dates too.
 *
 * @example
 * ```ts
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT');  // 784111777000
 * parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT'); // 784111777000
 * parseHttpDate('Sun Nov  6 08:49:37 1994');       // 784111777000
 * parseHttpDate('yesterday');                      // undefined
 * ```
 */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(Number(match[3]), match[2]!, match[1]!, match.slice(4));
  match = RFC850_DATE.exec(text);
  if (match) return utc(fullYear(Number(match[3]), now), match[2]!, match[1]!, match.slice(4));
  match = ASCTIME_DATE.exec(text);
  if (match) return utc(Number(match[6]), match[1]!, match[2]!, match.slice(3, 6));
  return undefined;
}

/** The year of a two-digit one: the latest with those digits not more than 50 years after `now` (RFC 9110 §5.6.7). */
function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  const year = thisYear - (thisYear % 100) + twoDigits;
  return year > thisYear + 50 ? year - 100 : year;
}

/** The instant of the parts, or `undefined` when they name no real time (31 Feb, 25:00). */
function utc(year: number, month: string, day: string, [hours, minutes, seconds]: readonly (string | undefined)[]): number | undefined {
  const m = MONTHS.indexOf(month);
  const parts = [Number(day), Number(hours), Number(minutes), Number(seconds)] as const;
  const ms = Date.UTC(year, m, ...parts);
  const back = new Date(ms);
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === m && back.getUTCDate() === parts[0] && back.getUTCHours() === parts[1] && back.getUTCMinutes() === parts[2] && back.getUTCSeconds() === parts[3];
  return real ? ms : undefined;
}
