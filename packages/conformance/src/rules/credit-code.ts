import type { Random } from '../runner/random.js';

/** GB 32100-2015 alphabet (no I, O, S, V, Z) and weights of the first 17 characters. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * A valid unified social credit code (统一社会信用代码), computed independently of the
 * implementation under test.
 *
 * @example
 * ```ts
 * makeCreditCode(createRandom('1')); // e.g. '91350200…' with a correct check character
 * ```
 */
export function makeCreditCode(random: Random): string {
  const first17 = `91${random.string(6, '0123456789')}${random.string(9, ALPHABET)}`;
  return first17 + checkCharacter(first17);
}

/**
 * The same code with a wrong check character: a field-level `VALIDATION_FAILED` case.
 *
 * @example
 * ```ts
 * breakCreditCode('91350200MA2XYZ1234'); // same first 17 characters, another last one
 * ```
 */
export function breakCreditCode(code: string): string {
  const first17 = code.slice(0, 17);
  const right = checkCharacter(first17);
  return first17 + ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % ALPHABET.length);
}
