// The success banner after a step on a page that shows its own history (an assessment, a concern, a procurement).
import { NotificationBanner } from '../components';

/**
 * "`heading`" in a success banner with a link to the page's `#history` table ("See the assessment’s history").
 * Nothing while `heading` is null.
 */
export function SavedBanner({ heading, what }: { heading: string | null; what: string }) {
  if (!heading) return null;
  return (
    <NotificationBanner type="success" heading={heading}>
      <p className="govuk-body">
        <a className="govuk-notification-banner__link" href="#history">
          See the {what}’s history
        </a>
      </p>
    </NotificationBanner>
  );
}
