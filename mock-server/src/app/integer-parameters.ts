import type { FieldError } from '@gdx/protocol';
import type { RefResolver } from './declared-properties.js';
import { pointerToken } from './field-errors.js';
import type { SpecParameter } from './spec-operations.js';

/** A whole number as a query writes it: decimal digits, with an optional sign. */
const DECIMAL_INTEGER = /^[+-]?\d+$/;

/**
 * The names of the query parameters of `parameters` whose schema is an integer (`limit`, `year`,
 * the journal's `since`).
 *
 * @example
 * ```ts
 * integerQueryParameters([{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }], unresolved); // ['limit']
 * ```
 */
export function integerQueryParameters(parameters: readonly SpecParameter[], resolve: RefResolver): string[] {
  return parameters
    .filter((p) => p.in === 'query')
    .filter((p) => {
      const schema = p.schema as { $ref?: unknown; type?: unknown } | undefined;
      const resolved = typeof schema?.$ref === 'string' ? (resolve(schema.$ref) as { type?: unknown } | undefined) : schema;
      return resolved?.type === 'integer';
    })
    .map((p) => p.name);
}

/**
 * A `TYPE` error for each integer query parameter of `names` sent as one value that is not written
 * in decimal digits. The validators coerce a query string as JavaScript's `Number` reads it, so
 * `limit=0x10` paged by 16, `limit=1e1` by 10 and `limit=20%20` by 20, where a platform's
 * integer parser refuses all three. A repeated parameter (an array) is left to the validator's
 * `REPEATED_PARAMETER`. Read before the validators coerce the query in place.
 *
 * @example
 * ```ts
 * nonDecimalIntegers({ limit: '0x10' }, ['limit']); // [{ pointer: '/query/limit', code: 'TYPE', … }]
 * nonDecimalIntegers({ limit: '20' }, ['limit']);   // []
 * ```
 */
export function nonDecimalIntegers(query: Readonly<Record<string, unknown>>, names: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of names) {
    const value = query[name];
    if (typeof value !== 'string' || DECIMAL_INTEGER.test(value)) continue;
    errors.push({
      pointer: `/query${pointerToken(name)}`,
      code: 'TYPE',
      message: {
        en: `The field has the wrong type: must be integer, written in decimal digits (no hexadecimal, exponent or spaces); got ${JSON.stringify(value.slice(0, 40))}`,
        zh: `字段类型错误：应当是 integer 类型，以十进制数字书写（不接受十六进制、指数形式或空格）；收到 ${JSON.stringify(value.slice(0, 40))}`,
      },
    });
  }
  return errors;
}
