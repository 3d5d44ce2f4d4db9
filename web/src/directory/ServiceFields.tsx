// The fields of a directory entry, shared by the curator's edit form and the public suggestion form.
import { Checkboxes, Radios, Select, TextInput, Textarea, fieldError, type SummaryError } from '../components';
import type { ServiceFormValues } from './serviceForm';
import { WEEKDAYS, WEEKDAY_LABELS, type SearchOptionNeed } from './types';

export function ServiceFields({
  values,
  onChange,
  errors,
  needs,
  showStatus,
}: {
  values: ServiceFormValues;
  onChange: (v: ServiceFormValues) => void;
  errors: SummaryError[];
  needs: readonly SearchOptionNeed[];
  showStatus: boolean;
}) {
  const set =
    <K extends keyof ServiceFormValues>(key: K) =>
    (value: ServiceFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const err = (f: string) => fieldError(errors, f);
  return (
    <>
      <h2 className="govuk-heading-m">About the service</h2>
      <TextInput
        name="name"
        label="Name of the service"
        value={values.name}
        onChange={set('name')}
        error={err('name')}
      />
      <Textarea
        name="description"
        label="What the service does"
        hint="In plain words, for residents and carers"
        value={values.description}
        onChange={set('description')}
        error={err('description')}
      />
      {showStatus && (
        <Radios
          name="status"
          legend="Status"
          small
          items={[
            { value: 'active', text: 'Running' },
            { value: 'temporarily closed', text: 'Temporarily closed' },
            { value: 'inactive', text: 'Not running at the moment' },
            { value: 'defunct', text: 'Closed for good' },
          ]}
          value={values.status}
          onChange={(v) => set('status')(v as ServiceFormValues['status'])}
        />
      )}
      <Checkboxes
        name="needs"
        legend="What needs does it help with?"
        hint="Choose all that apply"
        small
        items={needs.map((n) => ({ value: n.termId, text: n.name }))}
        value={values.needs}
        onChange={set('needs')}
        error={err('needs')}
      />
      <Textarea
        name="eligibility"
        label="Who it is for (optional)"
        rows={2}
        value={values.eligibility}
        onChange={set('eligibility')}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextInput
            name="minimumAge"
            label="Minimum age (optional)"
            inputMode="numeric"
            width={3}
            value={values.minimumAge}
            onChange={set('minimumAge')}
            error={err('minimumAge')}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <TextInput
            name="maximumAge"
            label="Maximum age (optional)"
            inputMode="numeric"
            width={3}
            value={values.maximumAge}
            onChange={set('maximumAge')}
            error={err('maximumAge')}
          />
        </div>
      </div>

      <h2 className="govuk-heading-m">Who runs it</h2>
      <TextInput
        name="organisationName"
        label="Organisation"
        value={values.organisationName}
        onChange={set('organisationName')}
        error={err('organisationName')}
      />
      <TextInput
        name="charityNumber"
        label="Registered charity number (optional)"
        width={10}
        value={values.charityNumber}
        onChange={set('charityNumber')}
      />
      <TextInput
        name="companyNumber"
        label="Company number (optional)"
        width={10}
        value={values.companyNumber}
        onChange={set('companyNumber')}
      />

      <h2 className="govuk-heading-m">When and where</h2>
      <Checkboxes
        name="days"
        legend="Days it is open"
        small
        items={WEEKDAYS.map((d) => ({ value: d, text: WEEKDAY_LABELS[d] }))}
        value={values.days}
        onChange={(v) => set('days')(v as ServiceFormValues['days'])}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextInput
            name="opensAt"
            label="Opens at"
            hint="For example, 09:30"
            width={5}
            value={values.opensAt}
            onChange={set('opensAt')}
            error={err('opensAt')}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <TextInput
            name="closesAt"
            label="Closes at"
            hint="For example, 17:00"
            width={5}
            value={values.closesAt}
            onChange={set('closesAt')}
            error={err('closesAt')}
          />
        </div>
      </div>
      <TextInput
        name="scheduleNote"
        label="Anything else about opening times (optional)"
        value={values.scheduleNote}
        onChange={set('scheduleNote')}
      />
      <TextInput name="venueName" label="Venue (optional)" value={values.venueName} onChange={set('venueName')} />
      <TextInput
        name="address1"
        label="Street address (optional)"
        value={values.address1}
        onChange={set('address1')}
        autoComplete="address-line1"
      />
      <TextInput name="town" label="Town" width={20} value={values.town} onChange={set('town')} />
      <TextInput
        name="postcode"
        label="Postcode"
        width={10}
        autoComplete="postal-code"
        value={values.postcode}
        onChange={set('postcode')}
        error={err('postcode')}
      />

      <h2 className="govuk-heading-m">Contact and cost</h2>
      <TextInput
        name="phone"
        label="Phone (optional)"
        type="tel"
        width={20}
        value={values.phone}
        onChange={set('phone')}
      />
      <TextInput
        name="email"
        label="Email (optional)"
        type="email"
        spellCheck={false}
        value={values.email}
        onChange={set('email')}
        error={err('email')}
      />
      <TextInput
        name="url"
        label="Website (optional)"
        type="url"
        spellCheck={false}
        value={values.url}
        onChange={set('url')}
        error={err('url')}
      />
      <TextInput
        name="cost"
        label="Cost (optional)"
        hint="Leave blank if the service is free"
        prefix="£"
        width={5}
        inputMode="decimal"
        value={values.cost}
        onChange={set('cost')}
        error={err('cost')}
      />
      <TextInput name="fees" label="About the cost (optional)" value={values.fees} onChange={set('fees')} />

      <h2 className="govuk-heading-m">Taking referrals</h2>
      <Select
        name="takingReferrals"
        label="Is the service taking new referrals?"
        options={[
          { value: '', text: 'Not reported' },
          { value: 'yes', text: 'Yes, taking referrals' },
          { value: 'no', text: 'No, not at the moment' },
        ]}
        value={values.takingReferrals}
        onChange={(v) => set('takingReferrals')(v as ServiceFormValues['takingReferrals'])}
      />
      <TextInput
        name="waitingDays"
        label="Typical wait for support (optional)"
        suffix="days"
        width={3}
        inputMode="numeric"
        value={values.waitingDays}
        onChange={set('waitingDays')}
        error={err('waitingDays')}
      />
    </>
  );
}
