import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  type SummaryError,
} from '../components';
import type { ScenariosResponse } from './types';

/** Saved scenarios, with a choice of two or more to compare side by side. */
export function ScenariosPage() {
  const { data, error, loading } = useApi<ScenariosResponse>('/api/demand/scenarios');
  const navigate = useNavigate();
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const { hasRole } = useAuth();
  const [chosen, setChosen] = useState<string[]>(['default']);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const crumbs = [{ text: 'Need and demand', href: '/demand' }, { text: 'Scenarios' }];
  if (!data) {
    return (
      <Page title="Scenarios" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="scenarios" />
      </Page>
    );
  }
  const compare = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length < 2 || chosen.length > 6) {
      setErrors([{ field: 'scenarios', message: 'Choose between 2 and 6 scenarios to compare' }]);
      return;
    }
    navigate(`/demand/compare?scenarios=${chosen.join(',')}`);
  };
  return (
    <Page title="Scenarios" breadcrumbs={crumbs} hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      {deleted && <NotificationBanner type="success" heading={`Scenario deleted: ${deleted}`} />}
      <p className="govuk-body">
        A scenario is a saved set of assumptions: the projection method, target occupancy, price uplift and any policy
        lever.
      </p>
      {hasRole('commissioner', 'admin') && (
        <Button href="/demand/scenarios/new" variant="secondary">
          Add a scenario
        </Button>
      )}
      <form onSubmit={compare} noValidate>
        <Checkboxes
          name="scenarios"
          legend="Choose scenarios to compare"
          hint="Choose between 2 and 6"
          value={chosen}
          onChange={setChosen}
          error={errors.find((e) => e.field === 'scenarios')?.message}
          items={[
            {
              value: 'default',
              text: 'Default (constant rates, no uplift)',
              hint: 'Rates held at today’s level; no policy lever',
            },
            ...data.scenarios.map((s) => ({
              value: s.id,
              text: s.name,
              hint: s.description || data.methods[s.params.method],
            })),
          ]}
        />
        <Button>Compare scenarios</Button>
      </form>
      {data.scenarios.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Saved scenarios</h2>
          <ul className="govuk-list">
            {data.scenarios.map((s) => (
              <li key={s.id}>
                <Link className="govuk-link" to={`/demand?scenario=${s.id}`}>
                  {s.name}
                </Link>
                {hasRole('commissioner', 'admin') && (
                  <>
                    {' · '}
                    <Link className="govuk-link" to={`/demand/scenarios/${s.id}/edit`}>
                      Change<span className="govuk-visually-hidden"> {s.name}</span>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
