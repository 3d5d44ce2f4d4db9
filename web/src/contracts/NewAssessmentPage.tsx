import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import {
  Button,
  ButtonGroup,
  DateInput,
  ErrorSummary,
  LoadingOrError,
  Page,
  Radios,
  Select,
  Textarea,
  apiErrorsToSummary,
  datePartsToIso,
  domainProblems,
  fieldError,
  isoToDateParts,
  type DateParts,
  type SummaryError,
} from '../components';
import { ASSESSMENT_DOMAINS, DOMAIN_LABELS, QUALITY_RATINGS } from './labels';
import { londonToday } from '../../../src/domain/core/dates';
import { assessmentDatesSchema } from '../../../src/domain/contracts/assessment';

export function NewAssessmentPage() {
  const navigate = useNavigate();
  const { data, loading, error } = useApi<{ locations: { id: string; name: string; providerName: string }[] }>(
    '/api/contracts/assessable-locations',
  );
  const [locationId, setLocationId] = useState('');
  const [visit, setVisit] = useState<DateParts>(isoToDateParts(londonToday()));
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Quality assessments', href: '/contracts/assessments' },
    { text: 'Record an assessment' },
  ];
  if (!data)
    return (
      <Page title="Record an assessment" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="services" />
      </Page>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!locationId) problems.push({ field: 'locationId', message: 'Choose the service you visited' });
    const date = datePartsToIso(visit, 'Visit date');
    if ('error' in date) problems.push({ field: 'visitDate-day', message: date.error });
    // The API's own date checks (a visit that has happened, not before 2000), with the rest at once.
    else
      problems.push(...domainProblems(assessmentDatesSchema, { visitDate: date.iso }, { visitDate: 'visitDate-day' }));
    for (const d of ASSESSMENT_DOMAINS)
      if (!ratings[d]) problems.push({ field: `ratings.${d}`, message: `Rate ${DOMAIN_LABELS[d].toLowerCase()}` });
    setErrors(problems);
    if (problems.length || 'error' in date) return;
    try {
      const created = await apiSend<{ id: string }>('POST', '/api/contracts/assessments', {
        locationId,
        visitDate: date.iso,
        ratings,
        summary,
      });
      navigate(`/contracts/assessments/${created.id}`);
    } catch (err) {
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };

  return (
    <Page title="Record an assessment" hasErrors={errors.length > 0} width="two-thirds" breadcrumbs={crumbs}>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <Select
          name="locationId"
          label="Service visited"
          value={locationId}
          onChange={setLocationId}
          placeholder="Choose a service"
          options={data.locations.map((l) => ({ value: l.id, text: `${l.name} (${l.providerName})` }))}
          error={fieldError(errors, 'locationId')}
        />
        <DateInput
          name="visitDate"
          legend="Visit date"
          value={visit}
          onChange={setVisit}
          error={fieldError(errors, 'visitDate-day') ?? fieldError(errors, 'visitDate')}
        />
        {ASSESSMENT_DOMAINS.map((d) => (
          <Radios
            key={d}
            name={`ratings.${d}`}
            legend={DOMAIN_LABELS[d]}
            small
            value={ratings[d] ?? ''}
            onChange={(v) => setRatings((r) => ({ ...r, [d]: v }))}
            items={QUALITY_RATINGS.map((q) => ({ value: q, text: q }))}
            error={fieldError(errors, `ratings.${d}`)}
          />
        ))}
        <Textarea name="summary" label="Summary of findings" value={summary} onChange={setSummary} rows={5} />
        <ButtonGroup>
          <Button>Save draft</Button>
          <Button href="/contracts/assessments" variant="secondary">
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </Page>
  );
}
