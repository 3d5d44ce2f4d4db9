// The success banner after a step on a page that shows its own history (an assessment, a concern, a procurement).
import { SuccessBanner } from '../components';

/**
 * "`heading`" in a success banner with a link to the page's `#history` table ("See the assessment’s history").
 * Nothing while `heading` is null.
 */
export function SavedBanner({ heading, what }: { heading: string | null; what: string }) {
  return <SuccessBanner heading={heading} href="#history" linkText={`See the ${what}’s history`} />;
}
