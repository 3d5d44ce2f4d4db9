// Start a procurement from a contract (`?contract=id`: to recommission it) or from a delivery plan's commissioning
// intention (`?intention=id&plan=id`): its title, route, lead officer and go-live, from which every stage is planned
// back with typical durations (the dates can then be moved on the procurement timeline).
import { useNavigate, useSearchParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  LoadingOrError,
  Page,
  Radios,
  SummaryList,
  TextInput,
  formatDate,
  isoToDateParts,
  useForm,
  type DateParts,
  type SummaryError,
} from '../components';
import { addDays, londonToday } from '../../../src/domain/core/dates';
import { goLiveProblem } from '../../../src/domain/contracts/procurement';
import { CONTRACT_PREFIXES, notInThePast, readDate } from './formHelpers';
import type { Contract, Procurement } from './types';

const ROUTES = [
  { value: 're_tender', text: 'Re-tender', hint: 'A competitive procurement for the service' },
  { value: 'direct_award', text: 'Direct award', hint: 'Under the Provider Selection Regime or a framework' },
  { value: 'bring_in_house', text: 'Bring in house', hint: 'The council will run the service itself' },
  { value: 'new_service', text: 'New service', hint: 'Commissioning something not bought before' },
];

interface PlanView {
  plan: { id: string; title: string };
  priorities: { intentions: { id: string; text: string }[] }[];
}

export function StartProcurementPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const contractId = params.get('contract');
  const intentionId = params.get('intention');
  const planId = params.get('plan');
  const contract = useApi<{ contract: Contract }>(contractId ? `/api/contracts/contracts/${contractId}` : null);
  const plan = useApi<PlanView>(intentionId && planId ? `/api/delivery-plans/${planId}` : null);
  const c = contract.data?.contract;
  const intention = plan.data?.priorities.flatMap((p) => p.intentions).find((i) => i.id === intentionId);
  const form = useForm<{ title: string; route: string; leadOfficer: string; goLive: DateParts } | null>(null, {
    dateFields: ['goLive'],
    prefixes: CONTRACT_PREFIXES,
  });
  const errors = form.errors;
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Procurement timeline', href: '/contracts/procurements' },
    { text: 'Start a procurement' },
  ];
  const ready = contractId ? !!c : intentionId ? !!intention : true;
  if (!ready)
    return (
      <Page title="Start a procurement" breadcrumbs={crumbs}>
        <LoadingOrError
          loading={contract.loading || plan.loading}
          error={contract.error ?? plan.error}
          what={contractId ? 'the contract' : 'the commissioning intention'}
        />
        {!contract.loading && !plan.loading && !contract.error && !plan.error && (
          <p className="govuk-body">There is no such commissioning intention in this plan.</p>
        )}
      </Page>
    );
  const values = form.values ?? {
    title: c ? `${c.title} recommissioning` : (intention?.text ?? ''),
    route: c ? 're_tender' : 'new_service',
    leadOfficer: c?.leadOfficer ?? '',
    goLive: c ? isoToDateParts(addDays(c.currentEndDate, 1)) : { day: '', month: '', year: '' },
  };
  const set = (k: keyof typeof values) => (x: string | DateParts) => form.setValues({ ...values, [k]: x });
  const submit = form.onSubmit(() => {
    const problems: SummaryError[] = [];
    if (!values.title.trim()) problems.push({ field: 'title', message: 'Enter the procurement’s title' });
    if (!values.route) problems.push({ field: 'route', message: 'Choose the route' });
    const goLive = notInThePast(
      readDate(values.goLive, 'goLive', 'Planned go-live', problems, true, 'Enter the planned go-live date'),
      'goLive',
      'Planned go-live',
      problems,
    );
    // The same check as the API's: every stage must fit between today and go-live (the domain's words).
    const tooSoon = goLive ? goLiveProblem(goLive, londonToday()) : null;
    if (tooSoon) problems.push({ field: 'goLive-day', message: tooSoon.message });
    return form.run(problems, async () => {
      const p = await apiSend<Procurement>('POST', '/api/contracts/procurements', {
        contractId: c?.id ?? null,
        intentionId: intention?.id ?? null,
        title: values.title.trim(),
        route: values.route,
        leadOfficer: values.leadOfficer.trim() || null,
        goLive,
      });
      navigate(`/contracts/procurements/${p.id}`, { state: { saved: `Procurement ${p.title} started` } });
    });
  });
  return (
    <Page title="Start a procurement" breadcrumbs={crumbs} hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          ...(c
            ? [
                { key: 'Contract', value: `${c.reference} ${c.title}` },
                { key: 'Contract ends', value: formatDate(c.currentEndDate) },
              ]
            : []),
          ...(intention && plan.data
            ? [
                { key: 'Plan', value: plan.data.plan.title },
                { key: 'Commissioning intention', value: intention.text },
              ]
            : []),
        ]}
      />
      <form onSubmit={submit} noValidate>
        <TextInput
          name="title"
          label="Title"
          value={values.title}
          onChange={set('title')}
          error={form.error('title')}
        />
        <Radios
          name="route"
          legend="Route"
          value={values.route}
          onChange={set('route')}
          items={ROUTES}
          error={form.error('route')}
        />
        <TextInput
          name="leadOfficer"
          label="Lead officer (optional)"
          value={values.leadOfficer}
          onChange={set('leadOfficer')}
          error={form.error('leadOfficer')}
        />
        <DateInput
          name="goLive"
          legend="Planned go-live"
          hint={
            c
              ? 'The day the new arrangement must start: by default the day after the contract ends. Every stage is planned back from it with typical durations; you can change the dates afterwards.'
              : 'Every stage is planned back from it with typical durations; you can change the dates afterwards.'
          }
          value={values.goLive}
          onChange={set('goLive')}
          error={form.error('goLive-day')}
        />
        <Button disabled={form.busy}>Start the procurement</Button>
      </form>
    </Page>
  );
}
