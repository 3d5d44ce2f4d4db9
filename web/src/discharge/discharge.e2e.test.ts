// Transfer of Care hub, end to end with two users: a broker enters a referral, sees matching homes with
// vacancies and sends the request; a provider (signed in separately) sees only the anonymised request and
// offers; the broker awards it, the home's vacancy drops, the person leaves the board with their times
// recorded, and the metrics count the discharge. Every page is checked with axe-core.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../../src/db/client';
import { DEMO_PASSWORD } from '../../../src/demo/users';
import {
  DEMO_ACCOUNTS,
  describeE2E,
  expectAccessible,
  newPage,
  settle,
  signIn,
  useSteward,
  choose,
} from '../testing/e2e';

const PERSON_NAME = 'Edith Endtoend';
const PERSON_REF = 'E2E-HUB-0001';

/** London date parts and time of an instant, as a person would type them. */
function londonParts(at: Date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .filter((x) => x.type !== 'literal')
      .map((x) => [x.type, x.value]),
  );
  return {
    day: p.day,
    month: p.month,
    year: p.year,
    time: `${p.hour}:${p.minute}`,
    iso: `${p.year}-${p.month}-${p.day}`,
  };
}

describeE2E('discharge: referral to award with a broker and a provider', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('runs the whole brokerage and keeps the person anonymous to the provider', async () => {
    const db = e2e.steward.database.db;
    const { page: broker, errors: brokerErrors } = await newPage(e2e.browser);
    await signIn(broker, e2e.steward.baseUrl, DEMO_ACCOUNTS.broker.email, DEMO_ACCOUNTS.broker.password);
    await broker.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Discharge hub' }).click();
    await broker.getByRole('heading', { level: 1, name: 'Transfer of Care hub' }).waitFor();
    await expectAccessible(broker, 'hub board');
    const metricsBefore = await (
      await broker.request.get(`${e2e.steward.baseUrl}/api/discharge/metrics?period=month`)
    ).json();
    const dischargesBefore = metricsBefore.rows.at(-1).discharges[3];

    // The referral form reports every problem in a GOV.UK error summary.
    await broker.getByRole('button', { name: 'Add a referral' }).click();
    await broker.getByRole('heading', { level: 1, name: 'Add a referral' }).waitFor();
    await broker.getByRole('button', { name: 'Save referral' }).click();
    const summary = broker.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter the time medically optimised, like 09:30' }).waitFor();
    await expectAccessible(broker, 'referral form with errors');
    await broker.getByLabel('Person reference').fill(PERSON_REF);
    await broker.getByLabel('Name (optional)').fill(PERSON_NAME);
    await broker.getByLabel('Age band').selectOption('85-94');
    await broker.getByLabel('Postcode district of their home').fill('eb1');
    await broker.getByLabel('Hospital').fill('Eastbrook General Hospital');
    await broker.getByLabel('Ward', { exact: true }).fill('Ward 3A');
    const mo = londonParts(new Date(Date.now() - 3 * 3_600_000));
    await broker.getByLabel('Day').fill(mo.day);
    await broker.getByLabel('Month').fill(mo.month);
    await broker.getByLabel('Year').fill(mo.year);
    await broker.getByLabel('Time medically optimised').fill(mo.time);
    await choose(broker.getByLabel('Pathway 3: care home'));
    await choose(broker.getByLabel('Care home: nursing'));
    await choose(broker.getByLabel('Council', { exact: true }));
    await broker.getByRole('button', { name: 'Save referral' }).click();
    await broker.getByRole('heading', { level: 1, name: `Referral ${PERSON_REF}` }).waitFor();
    await broker.getByText('Referral saved').waitFor();
    await broker.getByRole('heading', { name: 'Who can take them now' }).waitFor();
    await settle(broker);
    await expectAccessible(broker, 'referral with candidates');
    const referralId = broker.url().split('/').at(-1)!;

    // Choose the best-ranked home whose provider has a demo sign-in.
    const { candidates } = await (
      await broker.request.get(`${e2e.steward.baseUrl}/api/discharge/referrals/${referralId}/candidates`)
    ).json();
    expect(candidates.length).toBeGreaterThan(0);
    let chosen: { locationId: string; name: string; providerName: string; capacity: number } | null = null;
    let providerEmail = '';
    for (const c of candidates) {
      const [u] = await queryRows<{ email: string }>(
        db,
        sql`select email from users where provider_id = ${c.providerId} limit 1`,
      );
      if (u) {
        chosen = c;
        providerEmail = u.email;
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const vacancy = async () => {
      const [row] = await queryRows<{ v: number }>(
        db,
        sql`select vacant_accepting as v from care_home_capacity where location_id = ${chosen!.locationId} order by as_at desc, created_at desc limit 1`,
      );
      return Number(row.v);
    };
    const before = await vacancy();
    expect(before).toBeGreaterThan(0);
    await choose(broker.getByLabel(new RegExp(`^${chosen!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`)));
    await broker.getByRole('button', { name: 'Send request to selected providers' }).click();
    await broker.getByText('Request sent to 1 provider').waitFor();

    // The provider, signed in separately, sees the anonymised request and offers.
    const { page: provider, errors: providerErrors } = await newPage(e2e.browser);
    await signIn(provider, e2e.steward.baseUrl, providerEmail, DEMO_PASSWORD);
    await provider.goto(`${e2e.steward.baseUrl}/discharge`);
    await provider.getByRole('heading', { level: 1, name: 'Requests from the discharge hub' }).waitFor();
    await settle(provider);
    await expectAccessible(provider, 'provider requests');
    const mine = (
      await (await provider.request.get(`${e2e.steward.baseUrl}/api/discharge/provider/requests`)).json()
    ).requests.find(
      (r: { locationId: string; status: string }) => r.locationId === chosen!.locationId && r.status === 'sent',
    );
    expect(mine).toBeTruthy();
    const listText = await provider.locator('main').innerText();
    expect(listText).not.toContain(PERSON_NAME);
    expect(listText).not.toContain(PERSON_REF);
    await provider.getByRole('link', { name: mine.requestRef }).click();
    await provider.getByRole('heading', { level: 1, name: `Request ${mine.requestRef}` }).waitFor();
    const requestText = await provider.locator('main').innerText();
    for (const secret of [PERSON_NAME, PERSON_REF, 'Ward 3A']) expect(requestText).not.toContain(secret);
    expect(requestText).toContain('EB1');
    // The provider cannot open the hub's referral or board.
    expect((await provider.request.get(`${e2e.steward.baseUrl}/api/discharge/referrals/${referralId}`)).status()).toBe(
      403,
    );
    expect((await provider.request.get(`${e2e.steward.baseUrl}/api/discharge/board`)).status()).toBe(403);

    await choose(provider.getByLabel('Yes, make an offer'));
    await provider.getByRole('button', { name: 'Send answer' }).click();
    await provider
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /Enter the price a week/ })
      .waitFor();
    await expectAccessible(provider, 'offer form with errors');
    await provider.getByLabel('Price a week').fill('760');
    const today = londonParts(new Date());
    const tomorrow = londonParts(new Date(Date.now() + 86_400_000));
    const assess = provider.getByRole('group', { name: 'Date you can assess the person by' });
    await assess.getByLabel('Day').fill(today.day);
    await assess.getByLabel('Month').fill(today.month);
    await assess.getByLabel('Year').fill(today.year);
    const start = provider.getByRole('group', { name: 'Earliest start date' });
    await start.getByLabel('Day').fill(tomorrow.day);
    await start.getByLabel('Month').fill(tomorrow.month);
    await start.getByLabel('Year').fill(tomorrow.year);
    await provider.getByRole('button', { name: 'Send answer' }).click();
    await provider.getByRole('heading', { level: 1, name: 'Requests from the discharge hub' }).waitFor();
    await provider
      .getByRole('alert')
      .getByText(/^Offer sent for request /)
      .waitFor();
    const answered = (
      await (await provider.request.get(`${e2e.steward.baseUrl}/api/discharge/provider/requests/${mine.id}`)).json()
    ).request;
    expect(answered).toMatchObject({ status: 'offered', pricePence: 76_000, earliestStart: tomorrow.iso });

    // The broker compares offers and awards; the home's vacancy drops in the same transaction.
    await broker.reload();
    await broker.getByRole('heading', { level: 1, name: `Referral ${PERSON_REF}` }).waitFor();
    await settle(broker);
    await broker.getByRole('button', { name: `Award to ${chosen!.name}` }).click();
    await broker
      .getByText(
        `Awarded to ${chosen!.name} at £760 a week: ${before - 1} bed${before - 1 === 1 ? '' : 's'} now free there`,
      )
      .waitFor();
    expect(await vacancy()).toBe(before - 1);
    await expectAccessible(broker, 'referral after award');

    // The provider's record shows the award; nothing about other providers.
    await provider.reload();
    await provider.getByRole('heading', { level: 1, name: 'Requests from the discharge hub' }).waitFor();
    await settle(provider);
    await provider.getByText('Awarded to you').first().waitFor();

    // Discharge: the person leaves the board with every step time recorded, and the metrics count it.
    // The real time is asked for (a future one refused) and the irreversible step confirmed first.
    await broker.getByLabel('Time they left hospital').fill('25:00');
    await broker.getByRole('button', { name: 'Record discharge' }).click();
    await broker
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter the time they left as hours and minutes, for example 14:30' })
      .waitFor();
    const leftAt = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/London',
    }).format(new Date()); // the referral was made minutes ago in this test: a time before it is refused
    await broker.getByLabel('Time they left hospital').fill(leftAt);
    await broker.getByRole('button', { name: 'Record discharge' }).click();
    await broker.getByText('It cannot be undone').waitFor();
    await expectAccessible(broker, 'discharge confirmation');
    await broker.getByRole('button', { name: 'Confirm discharge' }).click();
    await broker.getByText(/^Discharge recorded: left hospital .* the person has left the board$/).waitFor();
    const detail = (
      await (await broker.request.get(`${e2e.steward.baseUrl}/api/discharge/referrals/${referralId}`)).json()
    ).referral;
    for (const step of [
      'referredAt',
      'medicallyOptimisedAt',
      'requestSentAt',
      'firstOfferAt',
      'awardedAt',
      'dischargedAt',
    ])
      expect(detail[step], step).toBeTruthy();
    expect(detail.destination).toBe('care_home');
    await broker.getByRole('link', { name: 'Discharge hub' }).first().click();
    await broker.getByRole('heading', { level: 1, name: 'Transfer of Care hub' }).waitFor();
    await settle(broker);
    await expect.poll(() => broker.getByRole('link', { name: PERSON_REF }).count()).toBe(0);
    const metricsAfter = await (
      await broker.request.get(`${e2e.steward.baseUrl}/api/discharge/metrics?period=month`)
    ).json();
    expect(metricsAfter.rows.at(-1).discharges[3]).toBe(dischargesBefore + 1);

    await broker.getByRole('link', { name: 'Flow and delay metrics' }).click();
    await broker.getByRole('heading', { level: 1, name: 'Flow and delay metrics' }).waitFor();
    await settle(broker);
    await broker.locator('figure svg').first().waitFor();
    expect(await broker.locator('figure').count()).toBeGreaterThanOrEqual(4);
    await broker.getByRole('rowheader', { name: chosen!.providerName }).first().waitFor();
    await expectAccessible(broker, 'metrics');
    await broker.getByRole('link', { name: 'D2A and rehab beds' }).click();
    await broker.getByRole('heading', { level: 1, name: 'Discharge to assess (D2A) beds' }).waitFor();
    await settle(broker);
    await expectAccessible(broker, 'D2A beds');

    expect(brokerErrors).toEqual([]);
    expect(providerErrors).toEqual([]);
  }, 600_000);
});
