/**
 * Special functions the simulation needs for lengths of stay: the normal distribution and its inverse, the
 * gamma function and the regularised incomplete gamma functions. Pure arithmetic, no allocation.
 */

/**
 * Complementary error function erfc(x), fractional error below 1.2e-7 everywhere (Chebyshev fit, Numerical
 * Recipes in C, 2nd ed., §6.2 `erfcc`), so tails far from the mean keep their relative accuracy.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const ans =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? ans : 2 - ans;
}

/** Standard normal cumulative distribution Φ(z) (via erfc; relative error below 1.2e-7 in both tails). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Upper tail of the standard normal, 1 − Φ(z), accurate far into the tail (e.g. z = 8 → 6.2e-16). */
export function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Inverse of the standard normal cumulative distribution, Φ⁻¹(p) for 0 < p < 1: Acklam's rational
 * approximation (relative error below 1.15e-9), refined by one Halley step on erfc.
 * Source: P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function" (2003).
 * @returns −Infinity for p ≤ 0 and Infinity for p ≥ 1
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; reflection below 0.5). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Digamma ψ(x) (recurrence to x ≥ 6, then the asymptotic series). */
export function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** Trigamma ψ′(x) (recurrence to x ≥ 6, then the asymptotic series). */
export function trigamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/**
 * Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each computed directly (series
 * for x < a + 1, Lentz's continued fraction otherwise; Numerical Recipes §6.2) so the small one keeps its
 * relative accuracy. @returns [P, Q]
 */
export function incompleteGamma(a: number, x: number): [number, number] {
  if (x <= 0) return [0, 1];
  const lg = logGamma(a);
  const front = Math.exp(-x + a * Math.log(x) - lg);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    const p = Math.min(1, sum * front);
    return [p, 1 - p];
  }
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  const q = Math.min(1, front * h);
  return [1 - q, q];
}

/** Regularised lower incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  return incompleteGamma(a, x)[0];
}

/**
 * The x with Q(a, x) = q (upper tail of a gamma with shape a and scale 1), for 0 < q < 1: bisection on a
 * bracket, finished by Newton steps on log Q. Used to draw the rest of a gamma stay given it has lasted so long.
 */
export function gammaUpperQuantile(a: number, q: number): number {
  let lo = 0;
  let hi = Math.max(1, a);
  while (incompleteGamma(a, hi)[1] > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e7) return hi;
  }
  let x = (lo + hi) / 2;
  const lg = logGamma(a);
  for (let i = 0; i < 200; i++) {
    const upper = incompleteGamma(a, x)[1];
    if (upper > q) lo = x;
    else hi = x;
    // Newton on f(x) = ln Q(a, x) − ln q, f′(x) = −density(x)/Q.
    const density = Math.exp((a - 1) * Math.log(x) - x - lg);
    let next = x + (upper * (Math.log(upper) - Math.log(q))) / Math.max(density, 1e-300);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-12 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}
