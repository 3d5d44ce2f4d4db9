// The planner's assumptions as form fields, one fieldset per service, named by the scenario's field paths so
// errors from the engine (in the browser or on the server) land on the right input.
import { TextInput, fieldError, type SummaryError } from '../../components';
import type { Assumptions, ServiceAssumptions } from './assumptions';
import type { Scenario } from './types';

export interface AssumptionsFormProps {
  scenario: Scenario;
  assumptions: Assumptions;
  errors: SummaryError[];
  onChange: (assumptions: Assumptions) => void;
}

const CAPACITY_LABEL = { slot: 'Slots', bed: 'Beds', visit: 'Visits a day' } as const;

/** The assumptions of each service and of the whole scenario, as GOV.UK inputs. */
export function AssumptionsForm({ scenario, assumptions, errors, onChange }: AssumptionsFormProps) {
  const err = (field: string) => fieldError(errors, field);
  const setService = (i: number, key: keyof ServiceAssumptions, value: string) =>
    onChange({
      ...assumptions,
      services: assumptions.services.map((s, j) => (j === i ? { ...s, [key]: value } : s)),
    });
  return (
    <>
      {scenario.services.map((s, i) => {
        const a = assumptions.services[i];
        const costField = s.unit === 'visit' ? 'costPerVisitPence' : 'costPerPlaceDayPence';
        return (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={s.id}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{s.name}</legend>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-quarter">
                <TextInput
                  name={`services.${i}.capacity`}
                  label={CAPACITY_LABEL[s.unit]}
                  inputMode="numeric"
                  width={5}
                  value={a.capacity}
                  onChange={(v) => setService(i, 'capacity', v)}
                  error={err(`services.${i}.capacity`)}
                  hint={s.capacityChanges.length ? 'Dated changes move with it' : undefined}
                />
              </div>
              <div className="govuk-grid-column-one-quarter">
                <TextInput
                  name={`services.${i}.arrivals.perDay`}
                  label="Referrals a day"
                  inputMode="decimal"
                  width={5}
                  value={a.perDay}
                  onChange={(v) => setService(i, 'perDay', v)}
                  error={err(`services.${i}.arrivals.perDay`)}
                />
              </div>
              <div className="govuk-grid-column-one-quarter">
                <TextInput
                  name={`services.${i}.lengthOfStay.mean`}
                  label="Mean stay (days)"
                  inputMode="decimal"
                  width={5}
                  value={a.losMean}
                  onChange={(v) => setService(i, 'losMean', v)}
                  error={err(`services.${i}.lengthOfStay.mean`)}
                />
              </div>
              <div className="govuk-grid-column-one-quarter">
                <TextInput
                  name={`services.${i}.lengthOfStay.sd`}
                  label="Spread of stay (days, SD)"
                  inputMode="decimal"
                  width={5}
                  value={a.losSd}
                  onChange={(v) => setService(i, 'losSd', v)}
                  error={err(`services.${i}.lengthOfStay.sd`)}
                />
              </div>
            </div>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-quarter">
                <TextInput
                  name={`services.${i}.${costField}`}
                  label={s.unit === 'visit' ? 'Cost per visit' : 'Cost per place-day'}
                  prefix="£"
                  inputMode="decimal"
                  width={5}
                  value={a.cost}
                  onChange={(v) => setService(i, 'cost', v)}
                  error={err(`services.${i}.${costField}`)}
                />
              </div>
              {s.unit === 'visit' ? (
                <>
                  <div className="govuk-grid-column-one-quarter">
                    <TextInput
                      name={`services.${i}.visits.firstDay`}
                      label="Visits a day at the start"
                      inputMode="decimal"
                      width={4}
                      value={a.visitsFirst}
                      onChange={(v) => setService(i, 'visitsFirst', v)}
                      error={err(`services.${i}.visits.firstDay`)}
                    />
                  </div>
                  <div className="govuk-grid-column-one-quarter">
                    <TextInput
                      name={`services.${i}.visits.lastDay`}
                      label="Visits a day at the end"
                      inputMode="decimal"
                      width={4}
                      value={a.visitsLast}
                      onChange={(v) => setService(i, 'visitsLast', v)}
                      error={err(`services.${i}.visits.lastDay`)}
                    />
                  </div>
                </>
              ) : (
                <>
                  <div className="govuk-grid-column-one-quarter">
                    <TextInput
                      name={`services.${i}.flex.places`}
                      label="Flex places"
                      hint="Opened only when people wait"
                      inputMode="numeric"
                      width={4}
                      value={a.flexPlaces}
                      onChange={(v) => setService(i, 'flexPlaces', v)}
                      error={err(`services.${i}.flex.places`)}
                    />
                  </div>
                  <div className="govuk-grid-column-one-quarter">
                    <TextInput
                      name={`services.${i}.flex.openWhenWaiting`}
                      label="Open flex when waiting"
                      hint="People waiting"
                      inputMode="numeric"
                      width={4}
                      value={a.flexOpenWhenWaiting}
                      onChange={(v) => setService(i, 'flexOpenWhenWaiting', v)}
                      error={err(`services.${i}.flex.openWhenWaiting`)}
                    />
                  </div>
                </>
              )}
            </div>
          </fieldset>
        );
      })}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="costPerAcuteBedDayPence"
            label="Cost of an acute bed-day"
            prefix="£"
            inputMode="decimal"
            width={5}
            value={assumptions.costPerAcuteBedDay}
            onChange={(v) => onChange({ ...assumptions, costPerAcuteBedDay: v })}
            error={err('costPerAcuteBedDayPence')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="target.share"
            label="Target: share starting"
            suffix="%"
            inputMode="decimal"
            width={4}
            value={assumptions.sharePercent}
            onChange={(v) => onChange({ ...assumptions, sharePercent: v })}
            error={err('target.share')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="target.withinDays"
            label="Target: within (days)"
            inputMode="decimal"
            width={4}
            value={assumptions.withinDays}
            onChange={(v) => onChange({ ...assumptions, withinDays: v })}
            error={err('target.withinDays')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            name="replications"
            label="Replications"
            hint="More is more precise, and slower"
            inputMode="numeric"
            width={5}
            value={assumptions.replications}
            onChange={(v) => onChange({ ...assumptions, replications: v })}
            error={err('replications')}
          />
        </div>
      </div>
    </>
  );
}
