// A warning before unsaved text is lost: when the user follows a link inside Steward (breadcrumbs, navigation)
// or leaves the site, closes the tab or reloads while a form holds changes not yet saved.
import { useContext, useEffect } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';

/** The question asked before leaving a page with unsaved changes. */
export const UNSAVED_CHANGES_QUESTION = 'You have changes that have not been saved. Leave this page and lose them?';

function InAppGuard({ when, question }: { when: boolean; question: string }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when &&
      currentLocation.pathname !== nextLocation.pathname &&
      !(nextLocation.state as { saved?: boolean } | null)?.saved,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);
  return null;
}

/**
 * Render inside a page whose form may hold unsaved text: while `when` is true, leaving the page by a link in the
 * app asks first ({@link UNSAVED_CHANGES_QUESTION}), and closing, reloading or leaving the site asks through the
 * browser's own "Leave site?" prompt. Outside a data router (some tests) only the browser prompt is used. A page that
 * moves on after saving navigates with `{ state: { saved: true } }`, which is never stopped. One guard per page.
 */
export function UnsavedChangesGuard({
  when,
  question = UNSAVED_CHANGES_QUESTION,
}: {
  when: boolean;
  question?: string;
}) {
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  useEffect(() => {
    if (!when) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return dataRouter ? <InAppGuard when={when} question={question} /> : null;
}
