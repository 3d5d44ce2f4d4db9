// Read-only queries on the market area's tables (placements, locations, capacity returns): today's
// council-supported clients and mean cost by service, and today's supply. The market area owns those
// tables; this file only reads them.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.js';
import { cachedByVersion } from '../core/versions.js';
import type { CurrentUse } from '../../domain/demand/model.js';
import type { ServiceSupply } from '../../domain/demand/gap.js';
import { type Service, SERVICES } from '../../domain/demand/rates.js';

/**
 * Long-term, council-funded (or joint) placements and packages live on `asAt`, by service. Older
 * people's services leave out individually negotiated (LD/MH) placements; supported living counts them.
 * Mean weekly cost = mean weekly price (the council's cost, excluding third-party top-ups).
 * Cached per market data version and date (shared: do not mutate).
 */
export async function currentUse(db: Db, asAt: string): Promise<CurrentUse[]> {
  return cachedByVersion(db, 'market', `demand-current-use|${asAt}`, () => computeCurrentUse(db, asAt));
}

async function computeCurrentUse(db: Db, asAt: string): Promise<CurrentUse[]> {
  const rows = await queryRows<{
    service_type: string;
    clients: string;
    mean_weekly_pence: string | null;
    mean_hours: string | null;
  }>(
    db,
    sql`select service_type,
               count(distinct person_ref) as clients,
               avg(weekly_price_pence) as mean_weekly_pence,
               avg(hours_per_week) as mean_hours
        from placements
        where start_date <= ${asAt}::date and (end_date is null or end_date > ${asAt}::date)
          and funding in ('council', 'joint') and purpose = 'long_term'
          and (service_type = 'supported_living' or band <> 'individual')
        group by service_type`,
  );
  return rows
    .filter((r) => (SERVICES as readonly string[]).includes(r.service_type))
    .map((r) => ({
      service: r.service_type as Service,
      clients: Number(r.clients),
      weeklyCostPence: r.mean_weekly_pence === null ? null : Math.round(Number(r.mean_weekly_pence)),
      hoursPerClient: r.mean_hours === null ? null : Math.round(Number(r.mean_hours) * 100) / 100,
    }));
}

/**
 * Supply in the borough today. Care homes: each home's latest capacity return split into residential
 * and nursing (a home without a split counts as nursing if it is registered for nursing), or its
 * registered beds when it has made no return; homes without a return are assumed as full as those with
 * one. Homecare: latest return per agency and area, hours delivered plus new hours offered.
 * Cached per market data version, area and date (shared: do not mutate).
 */
export async function currentSupply(db: Db, gssCode: string, asAt: string): Promise<ServiceSupply[]> {
  return cachedByVersion(db, 'market', `demand-supply|${gssCode}|${asAt}`, () => computeSupply(db, gssCode, asAt));
}

async function computeSupply(db: Db, gssCode: string, asAt: string): Promise<ServiceSupply[]> {
  const homes = await queryRows<{
    service_types: string[];
    registered_beds: number | null;
    max_capacity: number | null;
    occupied: number | null;
    residential_max: number | null;
    residential_occupied: number | null;
    nursing_max: number | null;
    nursing_occupied: number | null;
  }>(
    db,
    sql`select l.service_types, l.registered_beds, c.max_capacity, c.occupied, c.residential_max, c.residential_occupied, c.nursing_max, c.nursing_occupied
        from locations l
        left join lateral (
          select * from care_home_capacity c where c.location_id = l.id and c.as_at <= (${asAt}::date + 1)
          order by c.as_at desc limit 1
        ) c on true
        where l.deregistered_at is null and l.local_authority_gss = ${gssCode}
          and (l.service_types && array['care_home_residential', 'care_home_nursing']::text[])`,
  );
  const acc = {
    care_home_residential: { capacity: 0, occupied: 0, reported: 0, unreported: 0 },
    care_home_nursing: { capacity: 0, occupied: 0, reported: 0, unreported: 0 },
  };
  for (const h of homes) {
    const nursing = h.service_types.includes('care_home_nursing');
    if (h.max_capacity === null) {
      const bucket = acc[nursing ? 'care_home_nursing' : 'care_home_residential'];
      bucket.unreported += h.registered_beds ?? 0;
      continue;
    }
    if (h.residential_max !== null || h.nursing_max !== null) {
      acc.care_home_residential.capacity += h.residential_max ?? 0;
      acc.care_home_residential.occupied += h.residential_occupied ?? 0;
      acc.care_home_residential.reported += h.residential_max ?? 0;
      acc.care_home_nursing.capacity += h.nursing_max ?? 0;
      acc.care_home_nursing.occupied += h.nursing_occupied ?? 0;
      acc.care_home_nursing.reported += h.nursing_max ?? 0;
    } else {
      const bucket = acc[nursing ? 'care_home_nursing' : 'care_home_residential'];
      bucket.capacity += h.max_capacity;
      bucket.occupied += h.occupied ?? 0;
      bucket.reported += h.max_capacity;
    }
  }
  const supply: ServiceSupply[] = [];
  for (const service of ['care_home_residential', 'care_home_nursing'] as const) {
    const a = acc[service];
    const capacity = a.capacity + a.unreported;
    if (capacity === 0) continue;
    const occupancy = a.reported > 0 ? a.occupied / a.reported : null;
    supply.push({ service, capacity, inUseToday: occupancy === null ? null : a.occupied + a.unreported * occupancy });
  }
  const [hc] = await queryRows<{ hours: string | null; spare: string | null }>(
    db,
    sql`select sum(h.hours_per_week) as hours, sum(h.new_hours_available) as spare
        from locations l
        join lateral (
          select distinct on (h.area) h.* from homecare_capacity h
          where h.location_id = l.id and h.as_at <= (${asAt}::date + 1)
          order by h.area, h.as_at desc
        ) h on true
        where l.deregistered_at is null and l.local_authority_gss = ${gssCode} and 'homecare' = any(l.service_types)`,
  );
  if (hc && hc.hours !== null) {
    const hours = Number(hc.hours);
    supply.push({ service: 'homecare', capacity: hours + Number(hc.spare ?? 0), inUseToday: hours });
  }
  // Supported living and extra care: registered units where the register records them.
  const units = await queryRows<{ service: string; units: string | null }>(
    db,
    sql`select s.service, sum(l.registered_beds) as units
        from locations l, unnest(l.service_types) as s(service)
        where l.deregistered_at is null and l.local_authority_gss = ${gssCode}
          and s.service in ('supported_living', 'extra_care') and l.registered_beds is not null
        group by s.service`,
  );
  for (const u of units) {
    if (u.units !== null && Number(u.units) > 0)
      supply.push({ service: u.service as Service, capacity: Number(u.units), inUseToday: null });
  }
  return supply;
}
