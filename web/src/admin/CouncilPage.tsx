import { useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../api';
import {
  failureToSummary,
  Button,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  NotificationBanner,
  Page,
  SummaryList,
  TextInput,
  fieldError,
  type SummaryError,
} from '../components';
import type { Wire } from '../../../src/server/schemas';
import type { councilSchema } from '../../../src/server/admin/schemas';

export type Council = Wire<typeof councilSchema>;

/** "Your council": the council this Steward serves; an administrator sets it by GSS code or name. */
export function CouncilPage() {
  const { data, error, loading, reload } = useApi<{ council: Council | null }>('/api/admin/council');
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<{ name: string; inBorough: number } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (!query.trim()) {
      setErrors([{ field: 'council', message: 'Enter the council’s GSS code or name' }]);
      return;
    }
    setSubmitting(true);
    try {
      const res = await apiSend<{ council: Council; inBorough: number }>('PUT', '/api/admin/council', {
        council: query.trim(),
      });
      setErrors([]);
      setQuery('');
      setSaved({ name: res.council.officialName, inBorough: res.inBorough });
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    } finally {
      setSubmitting(false);
    }
  };

  const council = data?.council;
  return (
    <Page
      title="Your council"
      hasErrors={errors.length > 0}
      width="two-thirds"
      breadcrumbs={[{ text: 'Administration', href: '/admin' }, { text: 'Your council' }]}
    >
      {saved && (
        <NotificationBanner type="success" heading={`Steward now serves ${saved.name}`}>
          {`${saved.inBorough} registered ${saved.inBorough === 1 ? 'location is' : 'locations are'} in its area.`}
        </NotificationBanner>
      )}
      <ErrorSummary errors={errors} />
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="your council" />
      ) : (
        <>
          {council ? (
            <SummaryList
              rows={[
                { key: 'Council', value: council.officialName },
                { key: 'GSS code', value: council.gssCode },
                ...(council.tierLabel ? [{ key: 'Type', value: council.tierLabel }] : []),
                ...(council.region ? [{ key: 'Region', value: council.region }] : []),
                ...(council.districts.length
                  ? [
                      {
                        key: 'Districts',
                        value: (
                          <ul className="govuk-list">
                            {council.districts.map((d) => (
                              <li key={d.gssCode}>
                                {d.name} ({d.gssCode})
                              </li>
                            ))}
                          </ul>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          ) : (
            <p className="govuk-body">
              No council is set up yet. Choose the council whose adult social care Steward will support.
            </p>
          )}
          {council?.districts.length ? (
            <InsetText>
              A county council commissions care for its districts: population files holding only the districts are added
              up to the county’s figures.
            </InsetText>
          ) : null}
          {council?.synthetic ? (
            <InsetText>
              This is the synthetic demo borough. To use Steward for your council, set it up on an empty database:{' '}
              <code>npx steward setup --council &lt;GSS code or name&gt;</code>.
            </InsetText>
          ) : (
            <form onSubmit={submit} noValidate>
              <TextInput
                name="council"
                label={council ? 'Change the council' : 'Council'}
                hint="Its ONS GSS code, like E06000026, or its name, like Plymouth. Counties, unitary authorities, metropolitan districts and London boroughs: the councils with adult social care duties."
                spellCheck={false}
                autoComplete="off"
                value={query}
                onChange={setQuery}
                error={fieldError(errors, 'council')}
              />
              <Button disabled={submitting}>Save council</Button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
