// The contracts demo's quality assessments (PAMMS-style): a cycle of published visits to the market's services,
// and the story's assessments at each step of the workflow (an overdue action plan, the featured provider's draft
// waiting for its answer, a challenged draft, a draft not yet shared). The market register then shows each
// location's latest published rating.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { locations } from '../db/market/schema.js';
import { qualityAssessments } from '../db/contracts/schema.js';
import type { Rng } from '../domain/core/random.js';
import { addDays, type IsoDate } from '../domain/core/dates.js';
import {
  overallRating,
  needsActionPlan,
  type DomainRatings,
  type QualityRating,
} from '../domain/contracts/assessment.js';
import type { ContractsMarket, LocationInfo } from './contractsRegister.js';
import { ratingColumns } from '../db/contracts/assessmentWrites.js';

type LatestPublished = Map<string, { overall: string; on: IsoDate }>;

/** Domain ratings drawn from `g`, leaning on the location's CQC rating (poorer under a poorer CQC rating). */
function domainRatingsFor(cqc: string | null, g: Rng): DomainRatings {
  const pick = (): QualityRating => {
    const x = g.next();
    if (cqc === 'Inadequate') return x < 0.5 ? 'Poor' : 'Requires improvement';
    if (cqc === 'Requires improvement') return x < 0.45 ? 'Requires improvement' : x < 0.95 ? 'Good' : 'Poor';
    if (cqc === 'Outstanding') return x < 0.55 ? 'Excellent' : 'Good';
    return x < 0.12 ? 'Excellent' : x < 0.9 ? 'Good' : 'Requires improvement';
  };
  return {
    involvement_information: pick(),
    personalised_care: pick(),
    safeguarding_safety: pick(),
    staffing: pick(),
    management: pick(),
  };
}

/** Every domain rated `rating`, except those given in `others`. */
function ratedAll(rating: QualityRating, others: Partial<DomainRatings> = {}): DomainRatings {
  return {
    involvement_information: rating,
    personalised_care: rating,
    safeguarding_safety: rating,
    staffing: rating,
    management: rating,
    ...others,
  };
}

/** The columns every assessment has: where, when, by whom, at which status, rated how and in short. */
function assessmentOf(l: LocationInfo, visitDate: IsoDate, status: string, ratings: DomainRatings, summary: string) {
  return {
    locationId: l.id,
    providerId: l.providerId,
    visitDate,
    assessorName: 'Quality Assurance Officer',
    status,
    ...ratingColumns(ratings),
    summary,
  };
}

/** The cycle of annual visits: about 70% of `assessed` (always the featured home), each shared, answered and published. */
async function loadCycle(
  db: Db,
  assessed: readonly LocationInfo[],
  featured: LocationInfo,
  asAt: IsoDate,
  qa: Rng,
  latestPublished: LatestPublished,
): Promise<void> {
  for (const [i, l] of assessed.entries()) {
    if (l !== featured && qa.next() < 0.3) continue; // not every service is visited each cycle
    const ratings = domainRatingsFor(l.cqcRating, qa);
    const visit = addDays(asAt, -qa.int(60, 640));
    const shared = addDays(visit, qa.int(5, 12));
    const responded = addDays(shared, qa.int(2, 13));
    const published = addDays(responded, qa.int(1, 6));
    const plan = needsActionPlan(ratings);
    const planLate = i % 7 === 3;
    const planOn = plan
      ? published < addDays(asAt, -14) || planLate
        ? addDays(published, planLate ? 19 : qa.int(5, 14))
        : null
      : null;
    await db.insert(qualityAssessments).values({
      ...assessmentOf(l, visit, 'published', ratings, `Annual PAMMS visit to ${l.name}.`),
      sharedOn: shared,
      providerRespondedOn: responded,
      providerResponse: 'accept',
      publishedOn: published,
      actionPlan: planOn ? 'Actions agreed for each domain rated below Good, with named leads and dates.' : null,
      actionPlanSubmittedOn: planOn && planOn <= asAt ? planOn : null,
    });
    latestPublished.set(l.id, { overall: overallRating(ratings), on: published });
  }
}

/** The story's assessments, dated back from `asAt`. */
async function loadStoryAssessments(
  db: Db,
  m: ContractsMarket,
  asAt: IsoDate,
  latestPublished: LatestPublished,
): Promise<void> {
  const { featured, otherHomes, agencies } = m;
  // A recent Requires-improvement assessment whose action plan is overdue.
  const riHome = otherHomes[5] ?? otherHomes[0];
  const ri = 'Requires improvement';
  const riRatings = ratedAll('Good', { personalised_care: ri, staffing: ri, management: ri });
  await db.insert(qualityAssessments).values({
    ...assessmentOf(
      riHome,
      addDays(asAt, -50),
      'published',
      riRatings,
      'Care plans not reviewed; high agency use at night; registered manager vacancy.',
    ),
    sharedOn: addDays(asAt, -44),
    providerRespondedOn: addDays(asAt, -36),
    providerResponse: 'accept',
    publishedOn: addDays(asAt, -33),
  });
  latestPublished.set(riHome.id, { overall: overallRating(riRatings), on: addDays(asAt, -33) });
  // The featured home: a draft shared three days ago, waiting for the provider's answer.
  await db.insert(qualityAssessments).values({
    ...assessmentOf(
      featured,
      addDays(asAt, -9),
      'provider_challenge',
      ratedAll('Good', { staffing: ri }),
      'Warm, person-centred care; night staffing relies on agency staff and induction records were incomplete.',
    ),
    sharedOn: addDays(asAt, -3),
  });
  // A challenged draft waiting for the quality officer, and a draft not yet shared.
  const challenged = otherHomes[1] ?? otherHomes[0];
  await db.insert(qualityAssessments).values({
    ...assessmentOf(
      challenged,
      addDays(asAt, -20),
      'provider_challenge',
      ratedAll('Good', { safeguarding_safety: ri, management: ri }),
      'Medication audits late; falls log incomplete.',
    ),
    sharedOn: addDays(asAt, -15),
    providerRespondedOn: addDays(asAt, -6),
    providerResponse: 'challenge',
    providerComments:
      'The falls log was kept electronically and was shown to the officer after the visit; medication audits are now weekly.',
  });
  const draftHome = agencies[2] ?? otherHomes[2];
  await db
    .insert(qualityAssessments)
    .values(
      assessmentOf(
        draftHome,
        addDays(asAt, -4),
        'draft',
        ratedAll('Good', { personalised_care: 'Excellent', management: 'Excellent' }),
        'Draft: notes being written up.',
      ),
    );
}

/**
 * Insert the assessments: the cycle over the older people's and learning disability homes, twelve agencies and three
 * supported living services (drawn from `qa`), then the story's four; and set each location's council quality
 * rating to its latest published one. Returns how many assessments it inserted.
 */
export async function loadAssessments(db: Db, m: ContractsMarket, asAt: IsoDate, qa: Rng): Promise<number> {
  const assessed = [...m.olderHomes, ...m.ldHomes, ...m.agencies.slice(0, 12), ...m.supported.slice(0, 3)];
  const latestPublished: LatestPublished = new Map();
  await loadCycle(db, assessed, m.featured, asAt, qa, latestPublished);
  await loadStoryAssessments(db, m, asAt, latestPublished);
  // The market register shows each location's latest published rating.
  for (const [locationId, r] of latestPublished) {
    await db
      .update(locations)
      .set({ councilQualityRating: r.overall, councilQualityRatingDate: r.on })
      .where(eq(locations.id, locationId));
  }
  return latestPublished.size + 3;
}
