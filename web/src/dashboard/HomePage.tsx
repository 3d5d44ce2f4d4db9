import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  InsetText,
  KeyFigures,
  LoadingOrError,
  NotificationBanner,
  Page,
  formatNumber,
  type KeyFigure,
} from '../components';

export interface Dashboard {
  borough: { name: string; gssCode: string; synthetic?: boolean; population: number | null } | null;
  sections: { area: string; title: string; figures: KeyFigure[] }[];
}

/** Home: the borough's headline figures from GET /api/dashboard, one group of cards per area. */
export function HomePage() {
  const { user } = useAuth();
  const { data, error, loading } = useApi<Dashboard>('/api/dashboard');
  const borough = data?.borough ?? null;
  return (
    <Page title={borough ? borough.name : 'Home'} documentTitle="Home" caption="Adult social care commissioning">
      {user && <p className="govuk-body-l">Welcome, {user.name}.</p>}
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="headline figures" />
      ) : (
        <>
          {borough?.synthetic && (
            <NotificationBanner heading="This is a synthetic demo borough">
              <p className="govuk-body">
                The figures are generated from published rates for a London outer borough. They are not real people or
                providers.
              </p>
            </NotificationBanner>
          )}
          {borough && (
            <p className="govuk-body" data-testid="borough-summary">
              {borough.name} ({borough.gssCode})
              {borough.population !== null && <>: population {formatNumber(borough.population)}</>}.
            </p>
          )}
          {data.sections.length === 0 ? (
            <InsetText>
              There are no figures yet. Load the demo borough with <code>npx steward demo</code> or import public data
              with <code>npx steward import</code>.
            </InsetText>
          ) : (
            data.sections.map((s) => (
              <section key={s.area} aria-labelledby={`section-${s.area}`} data-area={s.area}>
                <h2 className="govuk-heading-m" id={`section-${s.area}`}>
                  {s.title}
                </h2>
                <KeyFigures figures={s.figures} label={s.title} />
              </section>
            ))
          )}
        </>
      )}
    </Page>
  );
}
