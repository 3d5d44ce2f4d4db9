// Market concentration: how much of the capacity the largest providers hold.

export interface ProviderShare {
  providerId: string;
  name: string;
  units: number;
  share: number;
}

/** Each provider's share of the units (beds, or homecare hours), largest first. */
export function providerShares(items: readonly { providerId: string; name: string; units: number }[]): ProviderShare[] {
  const byProvider = new Map<string, { name: string; units: number }>();
  for (const it of items) {
    const cur = byProvider.get(it.providerId);
    if (cur) cur.units += it.units;
    else byProvider.set(it.providerId, { name: it.name, units: it.units });
  }
  const total = [...byProvider.values()].reduce((s, p) => s + p.units, 0);
  return [...byProvider.entries()]
    .map(([providerId, p]) => ({ providerId, name: p.name, units: p.units, share: total > 0 ? p.units / total : 0 }))
    .sort((a, b) => b.units - a.units || a.name.localeCompare(b.name));
}

/**
 * Herfindahl–Hirschman Index on shares in percent: Σ (100·sᵢ)², from near 0 (many small providers) to
 * 10,000 (one provider). Competition authorities read under 1,000 as unconcentrated, 1,000–1,800 as
 * moderately and over 1,800 as highly concentrated (CMA merger guidelines).
 */
export function hhi(shares: readonly { share: number }[]): number {
  return shares.reduce((s, p) => s + (100 * p.share) ** 2, 0);
}

export type ConcentrationLevel = 'unconcentrated' | 'moderate' | 'high';
/**
 * A Herfindahl-Hirschman index (0–10,000) as the CMA reads it: under 1,000 unconcentrated, up to 1,800 moderate,
 * above that high.
 */
export function concentrationLevel(index: number): ConcentrationLevel {
  return index < 1000 ? 'unconcentrated' : index <= 1800 ? 'moderate' : 'high';
}

/** Combined share of the n largest providers (CR-n). */
export function topShare(shares: readonly ProviderShare[], n: number): number {
  return shares.slice(0, n).reduce((s, p) => s + p.share, 0);
}
