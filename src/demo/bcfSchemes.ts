// The schemes of the demo's Better Care Fund plan, place by place: what each funds, from which funding lines.
import type { FundingLine } from '../domain/bcf/plan.js';

export interface SchemeSpec {
  ref: string;
  name: string;
  schemeType: string;
  subType: string;
  objective: string;
  commissioner: 'LA' | 'NHS' | 'Joint';
  provider: string;
  areaOfSpend: 'social_care' | 'community_health' | 'mental_health' | 'primary_care' | 'acute' | 'other';
  plannedOutputs: number | null;
  outputUnit: string;
  /** Share of each funding line's income this scheme takes (the rest go to other schemes of the line). */
  lines: Partial<Record<FundingLine, number>>;
}

/** The seed's schemes, per place (section 3 and 7 of seed 001). Shares of a line add to 1 per place. */
export function schemesFor(key: string): SchemeSpec[] {
  const p = key.toUpperCase();
  const common: SchemeSpec[] = [
    {
      ref: `${p}-01`,
      name: 'Home, Settle and Support (British Red Cross)',
      schemeType: 'Community Based Schemes',
      subType: 'Low level social support for simple hospital discharges (Discharge to Assess pathway 0)',
      objective:
        'Welfare calls and short-term support at home after discharge; jointly commissioned by the three boroughs and NHS NEL',
      commissioner: 'Joint',
      provider: 'Charity / Voluntary Sector',
      areaOfSpend: 'social_care',
      plannedOutputs: 12 * (key === 'bd' ? 40 : key === 'hav' ? 120 : 45),
      outputUnit: 'referrals',
      lines: { minimum_nhs: 0.03, discharge_fund_icb: 0.2 },
    },
    {
      ref: `${p}-02`,
      name: key === 'red' ? 'Redbridge Reablement Service (default pathway 1 offer)' : 'Reablement and Home First',
      schemeType: 'Home-based intermediate care services',
      subType: 'Reablement at home (to support discharge)',
      objective: 'Home First assessment and up to six weeks of reablement at home after discharge',
      commissioner: 'LA',
      provider: 'Local Authority',
      areaOfSpend: 'social_care',
      plannedOutputs: key === 'bd' ? 520 : key === 'hav' ? 1_150 : 1_300,
      outputUnit: 'packages',
      lines: { minimum_nhs: 0.2, ibcf: 0.15, discharge_fund_la: 0.45 },
    },
    {
      ref: `${p}-03`,
      name: 'Integrated Discharge Hub and trusted assessors',
      schemeType: 'High Impact Change Model for Managing Transfer of Care',
      subType: 'Multi-Disciplinary/Multi-Agency Discharge Teams supporting discharge',
      objective:
        'One hub for discharges across the BHR places; care home trusted assessors on the wards (52 assessments a month)',
      commissioner: 'Joint',
      provider: 'NHS Acute Provider',
      areaOfSpend: 'community_health',
      plannedOutputs: 624,
      outputUnit: 'trusted assessments',
      lines: { minimum_nhs: 0.12, discharge_fund_icb: 0.3 },
    },
    {
      ref: `${p}-04`,
      name: 'Discharge to assess therapy beds (pathway 2)',
      schemeType: 'Bed based intermediate Care Services',
      subType: 'Step down (discharge to assess pathway 2)',
      objective: 'Community rehabilitation beds with a therapy team for people leaving hospital',
      commissioner: 'NHS',
      provider: 'NHS Community Provider',
      areaOfSpend: 'community_health',
      plannedOutputs: key === 'hav' ? 20 : 16,
      outputUnit: 'beds',
      lines: { minimum_nhs: 0.25, discharge_fund_icb: 0.5 },
    },
    {
      ref: `${p}-05`,
      name: 'Community falls service and strength and balance classes',
      schemeType: 'Prevention / Early Intervention',
      subType: 'Risk Stratification',
      objective: 'NELFT falls team, care home falls team and Age UK strength and balance classes',
      commissioner: 'NHS',
      provider: 'NHS Community Provider',
      areaOfSpend: 'community_health',
      plannedOutputs: 900,
      outputUnit: 'people assessed',
      lines: { minimum_nhs: 0.1 },
    },
    {
      ref: `${p}-06`,
      name: 'Carers support',
      schemeType: 'Carers Services',
      subType: 'Carer advice and support related to Care Act duties',
      objective: 'Information, advice, breaks and carers’ assessments',
      commissioner: 'LA',
      provider: 'Charity / Voluntary Sector',
      areaOfSpend: 'social_care',
      plannedOutputs: 1_500,
      outputUnit: 'carers supported',
      lines: { minimum_nhs: 0.05 },
    },
    {
      ref: `${p}-07`,
      name: key === 'bd' ? 'Care Technology (Medequip Connect)' : 'Telecare and assistive technology',
      schemeType: 'Assistive Technologies and Equipment',
      subType: 'Assistive technologies including telecare',
      objective: 'Alarms, sensors and a falls pick-up service',
      commissioner: 'LA',
      provider: 'Private Sector',
      areaOfSpend: 'social_care',
      plannedOutputs: key === 'bd' ? 3_000 : 2_400,
      outputUnit: 'people connected',
      lines: { minimum_nhs: 0.05, ibcf: 0.05 },
    },
    {
      ref: `${p}-08`,
      name: 'Protecting adult social care: homecare and placements',
      schemeType: 'Home Care or Domiciliary Care',
      subType: 'Domiciliary care packages',
      objective: 'Maintaining eligible social care, with uplifts towards the fair cost of care and London Living Wage',
      commissioner: 'LA',
      provider: 'Private Sector',
      areaOfSpend: 'social_care',
      plannedOutputs: null,
      outputUnit: 'hours of care',
      lines: { minimum_nhs: 0.2, ibcf: 0.6, msif: 0.6, additional_la: 1, additional_icb: 1 },
    },
    {
      ref: `${p}-09`,
      name: 'Residential and nursing placements for discharge (pathway 3)',
      schemeType: 'Residential Placements',
      subType:
        'Short-term residential/nursing care for someone likely to require a longer-term care home placement (pathway 3)',
      objective:
        'Short-term placements while long-term needs are assessed; unfunded placements from the Discharge Fund',
      commissioner: 'LA',
      provider: 'Private Sector',
      areaOfSpend: 'social_care',
      plannedOutputs: key === 'hav' ? 160 : 110,
      outputUnit: 'placements',
      lines: { ibcf: 0.2, discharge_fund_la: 0.55, msif: 0.4 },
    },
    {
      ref: `${p}-10`,
      name: 'Disabled Facilities Grant adaptations',
      schemeType: 'DFG Related Schemes',
      subType: 'Adaptations, including statutory DFG grants',
      objective: 'Mandatory and discretionary adaptations (policy under the 2002 Regulatory Reform Order)',
      commissioner: 'LA',
      provider: 'Local Authority',
      areaOfSpend: 'social_care',
      plannedOutputs: key === 'red' ? 260 : 210,
      outputUnit: 'adaptations',
      lines: { dfg: 1 },
    },
  ];
  return common;
}

/** Give NHS community health services (the fifth scheme) the rest of the minimum NHS contribution, so that line adds to 1. */
export function addCommunityHealth(spec: SchemeSpec[]): void {
  // The rest of the minimum NHS contribution: NHS community health services (out-of-hospital spend).
  const used = spec.reduce((s, x) => s + (x.lines.minimum_nhs ?? 0), 0);
  spec[4].lines.minimum_nhs = (spec[4].lines.minimum_nhs ?? 0) + (1 - used);
}
