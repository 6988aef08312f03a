import { PricingError } from './pricing-error.js';

/**
 * The largest amount the platforms accept, in 分 (9 × 10¹⁴ 分 = 9 万亿元): every sum of the pricing
 * rules stays a safe JavaScript integer; products go through `bigint`.
 */
export const MAX_FEN = 900_000_000_000_000;

/** Basis points in one (100 % = 10,000 bp). */
export const BASIS_POINTS = 10_000;

/**
 * Checks an amount of 分 (an integer from 0 to `max`: `MAX_FEN` for an input, any safe integer for
 * a computed total such as a MAR or a cycle's revenue) and returns it.
 *
 * @example
 * fen(894_000_000, 'costFen'); // 894000000
 * fen(1.5, 'costFen');         // throws PricingError INVALID_AMOUNT
 */
export function fen(value: number, field: string, max: number = MAX_FEN): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new PricingError('INVALID_AMOUNT', field, `${field} 须为 0 至 ${max} 之间的整数（分）`, `must be an integer number of fen from 0 to ${max}`);
  }
  return value;
}

/**
 * Checks a rate in basis points (an integer from 0 to 10,000) and returns it.
 *
 * @example
 * basisPoints(800, 'rateBasisPoints'); // 800
 */
export function basisPoints(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > BASIS_POINTS) {
    throw new PricingError('INVALID_AMOUNT', field, `${field} 须为 0 至 10000 之间的整数（基点）`, 'must be an integer number of basis points from 0 to 10000');
  }
  return value;
}

/**
 * `numerator / denominator` rounded half up (四舍五入) for non-negative integers, exactly.
 *
 * @example
 * divideHalfUp(800_000_000n * 800n, 10_000n); // 64_000_000n (C × r of the domain example)
 * divideHalfUp(5n, 2n); // 3n
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}
