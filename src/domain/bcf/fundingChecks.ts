// The BCF plan's money by funding line, and the checks the national conditions make on it: minimum contributions,
// every line fully planned, and the ring-fenced grants spent only on their schemes. Money is integer pence.
import {
  DISCHARGE_FUND_SCHEME_TYPES,
  FUNDING_LINES,
  FUNDING_LINE_LABELS,
  type FundingLine,
  type Income,
  type MinimumRequirement,
  type Place,
  type Scheme,
  type SchemeFunding,
} from './plan.js';

export interface ConditionCheck {
  key: string;
  placeId: string;
  year: string;
  /** What is checked, in the national conditions' words. */
  label: string;
  met: boolean;
  /** The figures compared, in pence. */
  requiredPence: number;
  actualPence: number;
  detail: string;
}

// One formatter for every call: toLocaleString with options builds a new one each time (tens of µs apiece).
const wholePounds = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const pounds = (p: number) => `£${wholePounds.format(p / 100)}`;

/**
 * The minimum-contribution and ring-fence checks the national conditions require, per place and year:
 * - minimum NHS contribution to social care (planned minimum-NHS spend on social care ≥ requirement);
 * - NHS-commissioned out-of-hospital spend (minimum-NHS spend commissioned by the NHS, not acute ≥ requirement);
 * - every funding line fully planned (planned spend = income, line by line);
 * - DFG spent only on DFG-related schemes (the grant is ring-fenced for housing adaptations);
 * - ASC Discharge Fund spent only on discharge-related scheme types.
 */
export function conditionChecks(
  places: readonly Place[],
  years: readonly string[],
  income: readonly Income[],
  requirements: readonly MinimumRequirement[],
  schemes: readonly Scheme[],
): ConditionCheck[] {
  const out: ConditionCheck[] = [];
  for (const place of places) {
    for (const year of years) {
      const mine = schemes.filter((s) => s.placeId === place.id);
      const planned = (pred: (s: Scheme, f: SchemeFunding) => boolean) =>
        mine.reduce(
          (sum, s) =>
            sum + s.funding.filter((f) => f.year === year && pred(s, f)).reduce((a, f) => a + f.plannedPence, 0),
          0,
        );
      const req = requirements.find((r) => r.placeId === place.id && r.year === year);
      if (req) {
        const social = planned((s, f) => f.fundingLine === 'minimum_nhs' && s.areaOfSpend === 'social_care');
        out.push({
          key: 'nhs_social_care',
          placeId: place.id,
          year,
          label: 'Minimum NHS contribution to adult social care',
          met: social >= req.socialCarePence,
          requiredPence: req.socialCarePence,
          actualPence: social,
          detail: `${pounds(social)} planned from the minimum NHS contribution on social care against ${pounds(req.socialCarePence)} required`,
        });
        const ooh = planned(
          (s, f) =>
            f.fundingLine === 'minimum_nhs' &&
            s.commissioner !== 'LA' &&
            s.areaOfSpend !== 'acute' &&
            s.areaOfSpend !== 'social_care',
        );
        out.push({
          key: 'nhs_out_of_hospital',
          placeId: place.id,
          year,
          label: 'NHS commissioned out-of-hospital spend',
          met: ooh >= req.outOfHospitalPence,
          requiredPence: req.outOfHospitalPence,
          actualPence: ooh,
          detail: `${pounds(ooh)} NHS-commissioned out-of-hospital spend against ${pounds(req.outOfHospitalPence)} required`,
        });
      }
      for (const line of FUNDING_LINES) {
        const got = income
          .filter((i) => i.placeId === place.id && i.year === year && i.fundingLine === line)
          .reduce((a, i) => a + i.amountPence, 0);
        const spent = planned((_s, f) => f.fundingLine === line);
        if (got === 0 && spent === 0) continue;
        out.push({
          key: `balanced_${line}`,
          placeId: place.id,
          year,
          label: `${FUNDING_LINE_LABELS[line]}: planned spend equals income`,
          met: got === spent,
          requiredPence: got,
          actualPence: spent,
          detail:
            got === spent
              ? `${pounds(spent)} planned, all of the income`
              : spent > got
                ? `${pounds(spent - got)} more planned than the ${pounds(got)} income`
                : `${pounds(got - spent)} of the ${pounds(got)} income not yet planned`,
        });
      }
      const dfgElsewhere = planned((s, f) => f.fundingLine === 'dfg' && s.schemeType !== 'DFG Related Schemes');
      out.push({
        key: 'dfg_ring_fence',
        placeId: place.id,
        year,
        label: 'Disabled Facilities Grant spent on DFG-related schemes only',
        met: dfgElsewhere === 0,
        requiredPence: 0,
        actualPence: dfgElsewhere,
        detail:
          dfgElsewhere === 0
            ? 'All DFG is on DFG-related schemes'
            : `${pounds(dfgElsewhere)} of DFG is on other scheme types`,
      });
      const dischargeElsewhere = planned(
        (s, f) =>
          (f.fundingLine === 'discharge_fund_la' || f.fundingLine === 'discharge_fund_icb') &&
          !DISCHARGE_FUND_SCHEME_TYPES.includes(s.schemeType),
      );
      out.push({
        key: 'discharge_fund_ring_fence',
        placeId: place.id,
        year,
        label: 'ASC Discharge Fund spent on discharge-related schemes only',
        met: dischargeElsewhere === 0,
        requiredPence: 0,
        actualPence: dischargeElsewhere,
        detail:
          dischargeElsewhere === 0
            ? 'All Discharge Fund spend is on discharge-related scheme types'
            : `${pounds(dischargeElsewhere)} of Discharge Fund is on scheme types outside the discharge list`,
      });
    }
  }
  return out;
}

/** Planned and actual spend of one place (or all when placeId is null) by funding line for a year, in pence. */
export interface SpendLine {
  fundingLine: FundingLine;
  incomePence: number;
  plannedPence: number;
  /** Actual spend by quarter 1–4. */
  actualByQuarterPence: [number, number, number, number];
  actualPence: number;
}

/**
 * A year's BCF money by funding line for one place (or all places when placeId is null): income, planned spend and actual
 * spend by quarter, all in pence. Lines with no income, plan or spend are left out.
 */
export function spendByFundingLine(
  year: string,
  placeId: string | null,
  income: readonly Income[],
  schemes: readonly Scheme[],
): SpendLine[] {
  const mine = schemes.filter((s) => placeId === null || s.placeId === placeId);
  return FUNDING_LINES.map((line) => {
    const incomePence = income
      .filter((i) => (placeId === null || i.placeId === placeId) && i.year === year && i.fundingLine === line)
      .reduce((a, i) => a + i.amountPence, 0);
    let plannedPence = 0;
    const q: [number, number, number, number] = [0, 0, 0, 0];
    for (const s of mine) {
      for (const f of s.funding) if (f.year === year && f.fundingLine === line) plannedPence += f.plannedPence;
      for (const a of s.actuals) if (a.year === year && a.fundingLine === line) q[a.quarter - 1] += a.actualPence;
    }
    return {
      fundingLine: line,
      incomePence,
      plannedPence,
      actualByQuarterPence: q,
      actualPence: q[0] + q[1] + q[2] + q[3],
    };
  }).filter((l) => l.incomePence !== 0 || l.plannedPence !== 0 || l.actualPence !== 0);
}
