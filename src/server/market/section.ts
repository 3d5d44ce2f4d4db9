// The market's headline figures on the home dashboard.
import { marketHeadlines } from '../../db/market/headlines.js';
import type { SectionSource } from '../dashboard/types.js';

/**
 * The market section of the home dashboard: homes, occupancy, vacant beds, homecare agencies, active placements,
 * the mean new placement price (pence a week) and homes with stale capacity data.
 */
export const marketSection: SectionSource = async (db, actor) => {
  if (actor.role === 'provider') return null; // providers have their own page
  const h = await marketHeadlines(db);
  if (h.careHomes === 0 && h.homecareAgencies === 0) return null;
  const pct = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);
  return {
    area: 'market',
    title: 'Care market',
    figures: [
      {
        key: 'careHomes',
        label: 'Care homes in the borough',
        value: h.careHomes,
        unit: 'count',
        hint: `${h.registeredBeds.toLocaleString('en-GB')} registered beds`,
        href: '/market',
      },
      {
        key: 'occupancy',
        label: 'Care home occupancy',
        value: pct(h.occupancy),
        unit: 'percent',
        hint: 'Occupied beds over maximum capacity, latest returns',
        href: '/market',
      },
      {
        key: 'vacancies',
        label: 'Beds vacant and accepting admissions',
        value: h.vacantAccepting,
        unit: 'count',
        hint: h.staleHomes
          ? `${h.staleHomes} home${h.staleHomes === 1 ? '' : 's'} with stale data`
          : 'All homes reported in the last 14 days',
        href: '/market/vacancies',
      },
      {
        key: 'homecare',
        label: 'Homecare agencies',
        value: h.homecareAgencies,
        unit: 'count',
        hint: `${Math.round(h.homecareHoursPerWeek).toLocaleString('en-GB')} hours a week delivered`,
        href: '/market',
      },
      {
        key: 'placements',
        label: 'Active placements and packages',
        value: h.activePlacements,
        unit: 'count',
        hint: 'In the borough and outside',
        href: '/market/prices?scope=all',
      },
      {
        key: 'meanPrice',
        label: 'Mean new care home placement price',
        value: h.meanNewPlacementPricePence == null ? null : Math.round(h.meanNewPlacementPricePence),
        unit: 'pence_per_week',
        hint:
          h.meanNewPlacementPriceChange == null
            ? 'Last 12 months'
            : `Last 12 months; ${h.meanNewPlacementPriceChange >= 0 ? 'up' : 'down'} ${Math.abs(Math.round(h.meanNewPlacementPriceChange * 100))}% on two years before`,
        href: '/market/prices',
      },
      {
        key: 'stale',
        label: 'Care homes with stale capacity data',
        value: h.staleHomes,
        unit: 'count',
        hint: 'No return for more than 14 days',
        href: '/market/care-homes',
      },
    ],
  };
};
