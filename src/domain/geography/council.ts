// Choosing the council a Steward instance serves: by GSS code or name, from the reference geography. Only a
// current council with adult social care duties can be chosen; anything else is refused with what to use instead.
import { distance } from 'fastest-levenshtein';
import {
  closestAuthorities,
  currentSuccessors,
  findAuthority,
  type LocalAuthority,
  TIER_LABELS,
  upperTierOf,
} from './authorities.js';

export type CouncilChoice =
  | { ok: true; council: LocalAuthority }
  | {
      ok: false;
      /** Why, in a sentence that names what to use instead. */
      message: string;
      /** The councils to suggest: closest matches for an unknown query, successors, or the county of a district. */
      suggestions: LocalAuthority[];
    };

/** "unitary authority", "London borough": the tier as it reads inside a sentence. */
export const tierInSentence = (a: LocalAuthority) =>
  a.tier === 'london_borough' ? TIER_LABELS[a.tier] : TIER_LABELS[a.tier].toLowerCase();

/** "E06000026 Plymouth (unitary authority)". */
export const describeAuthority = (a: LocalAuthority) =>
  `${a.gssCode} ${a.name} (${tierInSentence(a)}${a.abolishedOn ? `, abolished ${a.abolishedOn}` : ''})`;

/**
 * Resolves `--council` (a GSS code or a name) to the council to serve. Refuses, with suggestions: an unknown name
 * (the five closest current councils), an unknown code (current councils' codes of the same kind one or two
 * characters away, or none), an abolished council (its current successors), and a district council
 * (its county holds the adult social care duties and commissions care for the district).
 */
export function chooseCouncil(query: string): CouncilChoice {
  const q = query.trim();
  if (q === '') return { ok: false, message: 'Enter the council’s GSS code or name', suggestions: [] };
  const found = findAuthority(q);
  if (!found && /^[A-Za-z]\d{3,}$/.test(q)) {
    // A code: only codes one or two characters away, of the same kind (E06 unitary, E10 county…), are suggested.
    const code = q.toUpperCase();
    const suggestions = closestAuthorities(code, 20)
      .filter((a) => !a.abolishedOn && a.tier !== 'district')
      .filter((a) => a.gssCode.slice(0, 3) === code.slice(0, 3) && distance(a.gssCode, code) <= 2)
      .slice(0, 5);
    return {
      ok: false,
      message: `No English council with adult social care duties has the GSS code ${code}. ${
        suggestions.length
          ? `Codes close to it: ${suggestions.map(describeAuthority).join('; ')}`
          : 'A council’s code is E06 (unitary), E08 (metropolitan), E09 (London) or E10 (county) and six digits, like E06000026 (Plymouth); or give its name'
      }`,
      suggestions,
    };
  }
  if (!found) {
    const suggestions = closestAuthorities(q, 8)
      .filter((a) => !a.abolishedOn && a.tier !== 'district')
      .slice(0, 5);
    return {
      ok: false,
      message: `"${q}" is not an English council with adult social care duties. Closest matches: ${suggestions.map(describeAuthority).join('; ')}`,
      suggestions,
    };
  }
  if (found.abolishedOn) {
    const now = currentSuccessors(found.gssCode).map(upperTierOf);
    return {
      ok: false,
      message: `${found.officialName} (${found.gssCode}) was abolished on ${found.abolishedOn}; its area is now served by ${now.map(describeAuthority).join(' and ')}`,
      suggestions: now,
    };
  }
  if (found.tier === 'district') {
    const county = upperTierOf(found);
    return {
      ok: false,
      message: `${found.officialName} (${found.gssCode}) is a district council; adult social care there is commissioned by ${county.officialName}: use ${describeAuthority(county)}`,
      suggestions: [county],
    };
  }
  return { ok: true, council: found };
}
