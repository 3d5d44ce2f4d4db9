/**
 * Shares, probabilities and proportions that must add up to 1.
 *
 * One tolerance for every check that a set of shares adds up to (at most) 1, and one way to round shares
 * so that the rounded values still add up to exactly the rounded total: the largest remainder (Hamilton)
 * method, in whole units of 10^-digits. Rounding each share on its own (0.33335 → 0.3334 three times) can
 * make a set of shares that add up to 1 in exact arithmetic add up to 1.0001, which a schema then refuses.
 */

/**
 * Absolute tolerance (dimensionless) for "adds up to 1": floating-point sums of shares written with at most
 * 15 significant digits differ from their exact sum by far less than this, and no real input means a share
 * this small.
 */
export const SHARE_TOLERANCE = 1e-9;

/** Sum of a list of shares (0 for an empty list). */
export function sumOfShares(shares: readonly number[]): number {
  let total = 0;
  for (const s of shares) total += s;
  return total;
}

/** True when shares adding up to `total` exceed 1 by more than {@link SHARE_TOLERANCE}. */
export function exceedsOne(total: number): boolean {
  return total > 1 + SHARE_TOLERANCE;
}

/** True when `total` is 1 within {@link SHARE_TOLERANCE}. */
export function isOne(total: number): boolean {
  return Math.abs(total - 1) <= SHARE_TOLERANCE;
}

/**
 * Shares of a whole from non-negative weights (counts, or unrounded shares), rounded to `digits` decimal
 * places so that they add up to exactly 1 in units of 10^-digits (largest remainder method: every share is
 * first rounded down, then the units still missing go to the largest remainders, ties to the earlier
 * weight). Their floating-point sum is 1 within {@link SHARE_TOLERANCE}.
 *
 * @param weights non-negative, finite; at least one above 0
 * @param digits decimal places, 0–12 (default 4)
 * @returns one share per weight, in the same order
 * @throws RangeError when a weight is negative or not finite, when every weight is 0, or when digits is out of range
 */
export function roundShares(weights: readonly number[], digits = 4): number[] {
  if (!Number.isInteger(digits) || digits < 0 || digits > 12)
    throw new RangeError(`digits must be a whole number from 0 to 12, not ${digits}`);
  const total = sumOfShares(weights);
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0)
      throw new RangeError(`weight ${i} is ${w}: weights must be finite and not negative`);
  });
  if (!(total > 0)) throw new RangeError('at least one weight must be above 0');
  const units = 10 ** digits;
  const exact = weights.map((w) => (w / total) * units);
  const floors = exact.map((x) => Math.floor(x));
  let missing = units - sumOfShares(floors);
  const order = exact
    .map((x, i) => ({ i, remainder: x - floors[i] }))
    .sort((a, b) => (Math.abs(b.remainder - a.remainder) > 1e-9 ? b.remainder - a.remainder : a.i - b.i));
  for (let k = 0; missing > 0 && k < order.length; k++, missing--) floors[order[k].i] += 1;
  return floors.map((f) => f / units);
}
