// NHS trust names by ODS code, from the shipped reference list (data/nhs/trusts.json, NHS Digital ODS "NHS
// Trusts", OGL v3): used where a published discharge series gives the trust's code only.
import register from '../../../data/nhs/trusts.json' with { type: 'json' };

const TRUSTS: Record<string, string> = register.trusts;

/** Words kept in lower case inside a name. */
const SMALL = new Set(['and', 'of', 'the', 'for', 'upon', 'on', 'in']);
/** Words kept in capitals. */
const UPPER = new Set(['NHS']);

/**
 * A name in ODS capitals written as people write it: "UNIVERSITY HOSPITALS PLYMOUTH NHS TRUST" → "University
 * Hospitals Plymouth NHS Trust", "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST" → "Guy's and St Thomas' NHS Foundation
 * Trust". A name already in mixed case is returned as it is.
 */
export function odsNameCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((w, i) => {
      if (UPPER.has(w.toUpperCase())) return w.toUpperCase();
      if (i > 0 && SMALL.has(w)) return w;
      return w.replace(/^([^a-z]*)([a-z])/, (_m, pre: string, c: string) => pre + c.toUpperCase());
    })
    .join(' ');
}

/** The trust's name for an ODS code ("RK9" → "University Hospitals Plymouth NHS Trust"), or null when not listed. */
export function trustName(code: string): string | null {
  const name = TRUSTS[code.trim().toUpperCase()];
  return name ? odsNameCase(name) : null;
}
