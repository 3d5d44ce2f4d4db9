// What a commissioning officer does with a quality assessment: publish the draft, rule on a challenge, accept
// the action plan, close it.
import { useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api';
import {
  Button,
  ButtonGroup,
  InsetText,
  Select,
  Textarea,
  apiErrorsToSummary,
  formatDate,
  type SummaryError,
} from '../components';
import { ASSESSMENT_DOMAINS, DOMAIN_LABELS, QUALITY_RATINGS } from './labels';
import type { Assessment } from './types';

/**
 * The quality officer's part before publication. A draft: edit its ratings and summary, then share it with the
 * provider. Once with the provider: while the window is open and the provider has
 * not answered, nothing to do but wait (publishing would be refused); once they have challenged, revise the
 * ratings in answer (kept in the audit trail) or keep them, then publish.
 */
export function OfficerActions({
  assessment: a,
  onDone,
  onErrors,
}: {
  assessment: Assessment;
  onDone: (message: string) => void;
  onErrors: (errors: SummaryError[]) => void;
}) {
  const [ratings, setRatings] = useState<Record<string, string>>({ ...a.ratings });
  const [summary, setSummary] = useState(a.summary);
  const [revising, setRevising] = useState(false);
  const waiting = !a.providerRespondedOn && a.challengeDaysLeft !== null;
  const run = async (method: 'POST' | 'PUT', path: string, body: unknown, message: string) => {
    try {
      await apiSend(method, `/api/contracts/assessments/${a.id}${path}`, body);
      setRevising(false);
      onDone(message);
    } catch (err) {
      onErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };
  if (waiting && a.status === 'provider_challenge')
    return (
      <InsetText>
        The provider has until {formatDate(a.challengeDeadline!)} to accept or challenge the draft. You can publish once
        they answer or the window closes.
      </InsetText>
    );
  const changed = ASSESSMENT_DOMAINS.filter((d) => ratings[d] !== a.ratings[d]);
  return (
    <>
      <h2 className="govuk-heading-m">
        {a.status === 'draft'
          ? 'Check the draft'
          : a.providerResponse === 'challenge'
            ? 'Answer the challenge'
            : 'Publish the assessment'}
      </h2>
      {a.providerResponse === 'challenge' && (
        <p className="govuk-body">
          Weigh the provider’s evidence. Revise any rating it changes (the revision is kept in the audit trail), or keep
          the ratings as they are; then publish.
        </p>
      )}
      {revising ? (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(
              'PUT',
              '',
              { ratings, summary },
              changed.length
                ? `Ratings revised: ${changed.map((d) => `${DOMAIN_LABELS[d]} now ${ratings[d]}`).join('; ')}`
                : 'Assessment saved with its ratings unchanged',
            );
          }}
        >
          {ASSESSMENT_DOMAINS.map((d) => (
            <Select
              key={d}
              name={`rating-${d}`}
              label={DOMAIN_LABELS[d]}
              value={ratings[d]}
              onChange={(v) => setRatings({ ...ratings, [d]: v })}
              options={QUALITY_RATINGS.map((q) => ({ value: q, text: q }))}
            />
          ))}
          <Textarea
            name="summary"
            label="Summary"
            hint="Say what the provider’s evidence changed, or why the ratings stand."
            value={summary}
            onChange={setSummary}
            rows={4}
          />
          <ButtonGroup>
            <Button>Save revised ratings</Button>
            <Button type="button" variant="secondary" onClick={() => setRevising(false)}>
              Cancel
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <ButtonGroup>
          {(a.status === 'draft' || a.providerResponse === 'challenge') && (
            <Button type="button" variant="secondary" onClick={() => setRevising(true)}>
              {a.status === 'draft' ? 'Edit ratings' : 'Revise ratings'}
            </Button>
          )}
          {a.status === 'draft' ? (
            <Button
              type="button"
              onClick={() =>
                void run(
                  'POST',
                  '/share',
                  undefined,
                  'Draft shared with the provider: the 14-day challenge window has started',
                )
              }
            >
              Share with provider
            </Button>
          ) : (
            <Button
              type="button"
              onClick={() =>
                void run(
                  'POST',
                  '/publish',
                  undefined,
                  'Assessment published: the rating now shows in the market register',
                )
              }
            >
              Publish
            </Button>
          )}
        </ButtonGroup>
      )}
    </>
  );
}
