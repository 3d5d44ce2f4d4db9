import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * What the page that sent the user here passed in navigation state (a "… started" or "… saved" confirmation), and
 * `clear` to drop it once a later action on this page shows its own banner: only the latest action's confirmation
 * shows (issue 13: "Procurement … started" stayed above "Soft market test updated"). Clearing replaces the history
 * entry, so going back or reloading does not bring the old confirmation back either.
 */
export function useNavigationState<T extends object>(): [T | null, () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state as T | null) ?? null;
  const { pathname, search, hash } = location;
  const hasState = state !== null;
  const clear = useCallback(() => {
    if (hasState) void navigate({ pathname, search, hash }, { replace: true, state: null });
  }, [hasState, navigate, pathname, search, hash]);
  return [state, clear];
}
