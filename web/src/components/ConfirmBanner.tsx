import { Button, ButtonGroup } from './forms';

/**
 * The confirmation step before a removal, as Steward's other removals ask (scenario delete, rate reset): a banner
 * that says what will happen, with "Yes, …" (a warning button) and "No, …". Shown in place of the action's own
 * button until the user answers; `id` names the banner's heading for assistive technology.
 */
export function ConfirmBanner(p: {
  id: string;
  title: string;
  text: string;
  yes: string;
  no: string;
  busy?: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby={p.id}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={p.id}>
          {p.title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{p.text}</p>
        <ButtonGroup>
          <Button type="button" variant="warning" onClick={p.onYes} disabled={p.busy}>
            {p.yes}
          </Button>
          <Button type="button" variant="secondary" onClick={p.onNo}>
            {p.no}
          </Button>
        </ButtonGroup>
      </div>
    </div>
  );
}
