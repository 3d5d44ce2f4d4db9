// The directory part of the demo borough: a few hundred synthetic community services (carers' support, memory
// cafés, befriending, falls classes, lunch clubs, advice...) run by fictional charities, community groups and the
// council at venues across Eastbrook's postcode districts, plus the borough's care homes and homecare agencies
// published from the market register and a handful of contracted services. Some entries are past their review
// date and three suggestions wait for the curator, so every curation page has work on it.
// Everything is synthetic: names, numbers (Ofcom's drama range 020 7946 0xxx) and addresses (example.org).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { contracts } from '../db/contracts/schema.js';
import { createSuggestion } from '../db/directory/curation.js';
import { publishContracts, publishMarketLocations } from '../db/directory/publish.js';
import { saveServices } from '../db/directory/records.js';
import { directoryServices } from '../db/directory/schema.js';
import { ensureShippedTaxonomies } from '../db/directory/taxonomies.js';
import { locations } from '../db/market/schema.js';
import { addDays, type IsoDate } from '../domain/core/dates.js';
import type { Rng } from '../domain/core/random.js';
import { stableUuid } from '../domain/directory/ids.js';
import type { OrukAttribute, OrukService } from '../domain/directory/oruk.js';
import { LGA_SERVICES_TAXONOMY, NEEDS_TAXONOMY } from '../domain/directory/taxonomies.js';
import { DEMO_BOROUGH, DEMO_IN_BOROUGH_DISTRICTS, type DemoDistrict } from './borough.js';
import type { DemoPart } from './part.js';
import { LANGUAGE_CODES, ORG_KINDS, STREETS, TEMPLATES, VENUES } from './directoryContent.js';

function termOf(taxonomy: typeof NEEDS_TAXONOMY, code: string) {
  return taxonomy.terms.find((t) => t.term === code)!;
}

export interface GeneratedDirectory {
  services: OrukService[];
  /** Review dates to set per service id (some are past due). */
  reviewDates: Map<string, IsoDate>;
}

/**
 * Synthetic community services for the demo borough (or for the benchmark, at any `count`): each from a template
 * of a real kind of prevention service, run by one of about a tenth as many organisations, at a venue near a
 * postcode district's centroid. Deterministic for a given `rng` and `asAt`.
 */
export function generateCommunityServices(
  rng: Rng,
  asAt: IsoDate,
  count: number,
  districts: readonly DemoDistrict[] = DEMO_IN_BOROUGH_DISTRICTS,
  idPrefix = 'demo',
): GeneratedDirectory {
  const orgCount = Math.max(8, Math.round(count / 6));
  const orgs: NonNullable<OrukService['organization']>[] = [];
  for (let i = 0; i < orgCount; i++) {
    const d = districts[i % districts.length];
    const k = ORG_KINDS[i % ORG_KINDS.length];
    const id = stableUuid(`${idPrefix}:org:${i}`);
    const name =
      i === 0 ? 'Eastbrook Borough Council' : `${d.locality} ${k.suffix}${i >= ORG_KINDS.length * 2 ? ` ${i}` : ''}`;
    const identifiers =
      i === 0
        ? []
        : k.kind === 'charity'
          ? [
              {
                id: stableUuid(`${idPrefix}:org-id:${i}`),
                organization_id: id,
                identifier_scheme: 'GB-CHC',
                identifier_type: 'Charity number',
                identifier: String(1_090_000 + i * 37),
              },
            ]
          : k.kind === 'company'
            ? [
                {
                  id: stableUuid(`${idPrefix}:org-id:${i}`),
                  organization_id: id,
                  identifier_scheme: 'GB-COH',
                  identifier_type: 'Company number',
                  identifier: String(9_000_000 + i * 53).padStart(8, '0'),
                },
              ]
            : [];
    orgs.push({
      id,
      name,
      description:
        i === 0
          ? `The council for ${DEMO_BOROUGH.name}.`
          : `A ${k.kind === 'group' ? 'volunteer-run community group' : k.kind === 'company' ? 'community interest company' : 'local charity'} serving ${d.locality} and the rest of the borough.`,
      email: `hello@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.org`,
      website: `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.org`,
      ...(identifiers.length ? { organization_identifiers: identifiers } : {}),
    });
  }
  // One body entered twice, as happens in real directories: same charity number, slightly different name.
  if (orgs.length > 12) {
    const original = orgs[1];
    const dup = orgs[11];
    const ident = original.organization_identifiers![0];
    dup.name = `${original.name.replace('Carers Centre', 'Carers Center')}`;
    dup.organization_identifiers = [
      {
        ...ident,
        id: stableUuid(`${idPrefix}:org-id:dup`),
        organization_id: dup.id,
        identifier: `${ident.identifier.slice(0, 3)} ${ident.identifier.slice(3)}`,
      },
    ];
  }

  const services: OrukService[] = [];
  const reviewDates = new Map<string, IsoDate>();
  for (let i = 0; i < count; i++) {
    const tpl = TEMPLATES[i % TEMPLATES.length];
    const d = districts[rng.int(0, districts.length - 1)];
    const org = orgs[rng.int(0, orgs.length - 1)];
    const id = stableUuid(`${idPrefix}:service:${i}`);
    const venue = `${d.locality} ${VENUES[rng.int(0, VENUES.length - 1)]}`;
    const locId = stableUuid(`${idPrefix}:location:${i}`);
    const lat = Math.round((d.lat + rng.uniform(-0.006, 0.006)) * 1e6) / 1e6;
    const lng = Math.round((d.lng + rng.uniform(-0.009, 0.009)) * 1e6) / 1e6;
    const postcode = `${d.district} ${rng.int(1, 9)}${'ABDEFGHJLNPQRSTUWXYZ'[rng.int(0, 19)]}${'ABDEFGHJLNPQRSTUWXYZ'[rng.int(0, 19)]}`;
    const terms = [termOf(NEEDS_TAXONOMY, tpl.need), ...(tpl.also ?? []).map((c) => termOf(NEEDS_TAXONOMY, c))];
    if (tpl.lga) terms.push(termOf(LGA_SERVICES_TAXONOMY, tpl.lga));
    const attributes: OrukAttribute[] = terms.map((t) => ({
      id: stableUuid(`${idPrefix}:attribute:${i}:${t.id}`),
      link_id: id,
      link_type: 'service',
      taxonomy_term_id: t.id,
      taxonomy_term: t,
    }));
    const lastModified = new Date(Date.parse(`${asAt}T12:00:00Z`) - rng.int(1, 420) * 86_400_000).toISOString();
    const phoneNo = `020 7946 0${String(rng.int(0, 999)).padStart(3, '0')}`;
    const name = `${tpl.name}${tpl.virtual ? '' : ` – ${d.locality}`}`;
    const reporting = rng.bernoulli(0.35);
    services.push({
      id,
      organization_id: org.id,
      name,
      description: tpl.description,
      url: `${org.website}/services/${i}`,
      email: org.email,
      status: rng.bernoulli(0.03) ? 'temporarily closed' : 'active',
      fees: tpl.costPence ? `£${(tpl.costPence / 100).toFixed(2)} ${tpl.costNote ?? ''}`.trim() : 'Free',
      ...(tpl.eligibility ? { eligibility_description: tpl.eligibility } : {}),
      ...(tpl.minimumAge !== undefined ? { minimum_age: tpl.minimumAge } : {}),
      last_modified: lastModified,
      ...(reporting
        ? {
            steward_capacity: {
              taking_referrals: rng.bernoulli(0.75),
              waiting_time_days: rng.int(0, 42),
              updated: addDays(asAt, -rng.int(0, 30)) + 'T09:00:00.000Z',
            },
          }
        : {}),
      organization: org,
      schedules: [
        {
          id: stableUuid(`${idPrefix}:schedule:${i}`),
          service_id: id,
          freq: 'WEEKLY',
          interval: 1,
          byday: tpl.days,
          opens_at: tpl.opens,
          closes_at: tpl.closes,
          description: `${tpl.opens.slice(0, 5)} to ${tpl.closes.slice(0, 5)}`,
          attending_type: tpl.virtual ? 'By phone or at home' : 'In person',
        },
      ],
      service_areas: [
        {
          id: stableUuid(`${idPrefix}:area:${i}`),
          service_id: id,
          name: tpl.virtual ? DEMO_BOROUGH.name : `${d.locality} and nearby`,
          extent: tpl.virtual
            ? districts.map((x) => x.district).join(' ')
            : districts
                .filter((x) => x.locality === d.locality || Math.abs(x.lat - d.lat) + Math.abs(x.lng - d.lng) < 0.05)
                .map((x) => x.district)
                .join(' '),
          extent_type: 'postcode districts',
          uri: `http://statistics.data.gov.uk/id/statistical-geography/${DEMO_BOROUGH.gssCode}`,
        },
      ],
      service_at_locations: [
        {
          id: stableUuid(`${idPrefix}:sal:${i}`),
          service_id: id,
          location_id: locId,
          location: {
            id: locId,
            location_type: tpl.virtual ? 'virtual' : 'physical',
            name: tpl.virtual ? `${org.name} (phone and home visits)` : venue,
            ...(tpl.virtual ? {} : { latitude: lat, longitude: lng }),
            addresses: [
              {
                id: stableUuid(`${idPrefix}:address:${i}`),
                location_id: locId,
                address_1: `${rng.int(1, 180)} ${STREETS[rng.int(0, STREETS.length - 1)]}`,
                city: d.locality,
                state_province: 'Greater London',
                postal_code: postcode,
                country: 'GB',
                address_type: tpl.virtual ? 'postal' : 'physical',
              },
            ],
            ...(tpl.virtual
              ? {}
              : {
                  accessibility: [
                    {
                      id: stableUuid(`${idPrefix}:access:${i}`),
                      location_id: locId,
                      description: rng.bernoulli(0.8)
                        ? 'Step-free access and an accessible toilet. Hearing loop at reception.'
                        : 'Ground floor room; two steps at the entrance with a handrail.',
                    },
                  ],
                }),
          },
        },
      ],
      ...(tpl.languages
        ? {
            languages: tpl.languages.map((l, n) => ({
              id: stableUuid(`${idPrefix}:language:${i}:${n}`),
              service_id: id,
              name: l,
              code: LANGUAGE_CODES[l],
            })),
          }
        : {}),
      funding: [
        {
          id: stableUuid(`${idPrefix}:funding:${i}`),
          service_id: id,
          source: rng.bernoulli(0.5) ? 'Eastbrook Council prevention grant' : 'Charitable donations and grants',
        },
      ],
      cost_options: tpl.costPence
        ? [
            {
              id: stableUuid(`${idPrefix}:cost:${i}`),
              service_id: id,
              option: 'Standard',
              amount: tpl.costPence / 100,
              currency: 'GBP',
              amount_description: tpl.costNote ?? 'per session',
            },
          ]
        : [],
      contacts: [
        {
          id: stableUuid(`${idPrefix}:contact:${i}`),
          service_id: id,
          title: 'Service coordinator',
          department: tpl.name,
          phones: [{ id: stableUuid(`${idPrefix}:contact-phone:${i}`), number: phoneNo }],
        },
      ],
      phones: [{ id: stableUuid(`${idPrefix}:phone:${i}`), number: phoneNo, type: 'voice' }],
      attributes,
    });
    // About one in eight entries is past its review date; the rest fall due over the coming year.
    reviewDates.set(id, rng.bernoulli(0.12) ? addDays(asAt, -rng.int(1, 200)) : addDays(asAt, rng.int(1, 365)));
  }
  return { services, reviewDates };
}

const SYSTEM = { system: 'demo' } as const;

export const directoryDemoPart: DemoPart = {
  name: 'directory',
  description: 'community services directory: local services, care services published from the register, suggestions',
  async load(db: Db, ctx) {
    const asAt = ctx.asAt.toISOString().slice(0, 10);
    await ensureShippedTaxonomies(db);
    const generated = generateCommunityServices(ctx.rng('services'), asAt, 260);
    await saveServices(db, generated.services, {
      source: 'demo',
      action: 'created',
      actor: SYSTEM,
      keepLastModified: true,
      today: asAt,
    });
    const values = sql.join(
      [...generated.reviewDates].map(([id, date]) => sql`(${id}::uuid, ${date}::date)`),
      sql`, `,
    );
    await db.execute(
      sql`update ${directoryServices} s set review_date = v.d from (values ${values}) as v(id, d) where s.id = v.id`,
    );
    ctx.progress(1, 3);

    // The borough's own registered care services, published from the market register (no retyping).
    const inBorough = await db
      .select({ id: locations.id })
      .from(locations)
      .where(sql`${locations.inBorough} and ${locations.deregisteredAt} is null`)
      .orderBy(locations.name);
    await publishMarketLocations(
      db,
      inBorough.map((l) => l.id),
      SYSTEM,
      { today: asAt },
    );
    const contracted = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        sql`${contracts.providerId} is not null and ${contracts.serviceArea} in ('carers', 'prevention', 'day_opportunities', 'reablement')`,
      )
      .orderBy(contracts.reference)
      .limit(8);
    await publishContracts(
      db,
      contracted.map((c) => c.id),
      SYSTEM,
      { today: asAt },
    );
    ctx.progress(2, 3);

    // Suggestions waiting for the curator: a new group from a community organiser, and changes from providers.
    const [first, second] = generated.services;
    await createSuggestion(db, {
      kind: 'change',
      serviceId: first.id,
      proposed: {
        ...first,
        description: `${first.description} From next month we also meet on Saturday mornings.`,
        schedules: [
          { ...first.schedules![0] },
          {
            id: stableUuid('demo:suggested-schedule:0'),
            service_id: first.id,
            freq: 'WEEKLY',
            byday: 'SA',
            opens_at: '10:00:00',
            closes_at: '12:00:00',
            description: 'Saturday mornings',
          },
        ],
      },
      note: 'We have added a Saturday session.',
      submittedBy: null,
      submitterName: 'Service coordinator',
      submitterEmail: 'coordinator@example.org',
      submitterOrganisation: first.organization?.name ?? null,
    });
    await createSuggestion(db, {
      kind: 'change',
      serviceId: second.id,
      proposed: { ...second, steward_capacity: { taking_referrals: false, waiting_time_days: 28 } },
      note: 'We are full until the new volunteers are trained.',
      submittedBy: null,
      submitterName: 'Volunteer manager',
      submitterEmail: 'volunteers@example.org',
      submitterOrganisation: second.organization?.name ?? null,
    });
    const newId = stableUuid('demo:suggested-service');
    const d = DEMO_IN_BOROUGH_DISTRICTS[3];
    await createSuggestion(db, {
      kind: 'new',
      serviceId: null,
      proposed: {
        id: newId,
        name: `Knit and natter – ${d.locality}`,
        description: 'A weekly knitting and crochet circle. Wool and needles provided; beginners welcome.',
        status: 'active',
        fees: 'Free',
        schedules: [
          {
            id: stableUuid('demo:suggested-service-schedule'),
            service_id: newId,
            freq: 'WEEKLY',
            byday: 'MO',
            opens_at: '14:00:00',
            closes_at: '16:00:00',
          },
        ],
        attributes: [
          {
            id: stableUuid('demo:suggested-service-attr'),
            link_id: newId,
            link_type: 'service',
            taxonomy_term_id: termOf(NEEDS_TAXONOMY, 'loneliness').id,
            taxonomy_term: termOf(NEEDS_TAXONOMY, 'loneliness'),
          },
        ],
      },
      note: 'Our group meets at the library every Monday.',
      submittedBy: null,
      submitterName: 'Group organiser',
      submitterEmail: 'knitters@example.org',
      submitterOrganisation: `${d.locality} Knitters`,
    });
    ctx.progress(3, 3);
  },
};
