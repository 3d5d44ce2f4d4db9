// Who is signed in, on the client. The server checks every request's role and ownership; this only
// decides what to show (navigation, redirects to sign-in).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, apiGet, apiSend, onUnauthorised, setCsrfToken } from '../api';

import type { Role } from '../../../src/domain/core/auth';

// One source of truth for roles: the pure domain module the server uses too.
import type { Wire } from '../../../src/server/schemas';
import type {
  councilResponse,
  sessionResponse,
  sessionStateResponse,
  userSchema,
} from '../../../src/server/auth/schemas';
export { ROLES, ROLE_LABELS, STAFF_ROLES, EDITOR_ROLES, type Role } from '../../../src/domain/core/auth';

export type User = Wire<typeof userSchema>;
type SessionResponse = Wire<typeof sessionResponse>;
type SessionState = Wire<typeof sessionStateResponse>;
/** The council this Steward serves (name, GSS code, synthetic demo or not); null before set-up. */
export type ServedCouncil = NonNullable<Wire<typeof councilResponse>['council']>;

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  csrfToken: string | null;
  /** The council this Steward serves, signed in or not; null before set-up or while loading. */
  council: ServedCouncil | null;
  /** Throws ApiError (401 with field errors, 429 when rate-limited). */
  signIn: (email: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** True when signed in with one of `roles` (or with any role when none are given). */
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [csrfToken, setToken] = useState<string | null>(null);
  const [council, setCouncil] = useState<ServedCouncil | null>(null);

  const apply = useCallback((session: SessionResponse | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setToken(session?.csrfToken ?? null);
    setUser(session?.user ?? null);
    if (session) setCouncil(session.council);
    setStatus(session ? 'signed-in' : 'signed-out');
  }, []);

  useEffect(() => {
    let cancelled = false;
    // The session check answers 200 either way, so no error is logged in the console before sign-in.
    apiGet<SessionState>('/api/auth/session', { ignoreUnauthorised: true })
      .then((s) => {
        if (cancelled) return;
        if (s.signedIn) return apply(s);
        apply(null);
        // Signed out: the banner still names the council (and says whether its figures are synthetic).
        setCouncil(s.council);
      })
      .catch(() => !cancelled && apply(null));
    return () => {
      cancelled = true;
    };
  }, [apply]);

  useEffect(() => onUnauthorised(() => apply(null)), [apply]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = await apiSend<SessionResponse>(
        'POST',
        '/api/auth/sign-in',
        { email, password },
        { ignoreUnauthorised: true },
      );
      apply(s);
      return s.user;
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    try {
      await apiSend('POST', '/api/auth/sign-out', undefined, { ignoreUnauthorised: true });
    } catch (err) {
      // Already signed out on the server: the outcome the user asked for.
      if (!(err instanceof ApiError) || (err.status !== 401 && err.status !== 403)) throw err;
    } finally {
      apply(null);
    }
  }, [apply]);

  const hasRole = useCallback(
    (...wanted: Role[]) => user !== null && (wanted.length === 0 || wanted.includes(user.role)),
    [user],
  );

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, csrfToken, council, signIn, signOut, hasRole }),
    [status, user, csrfToken, council, signIn, signOut, hasRole],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth() must be used inside <AuthProvider>');
  return ctx;
}

/** A same-site path to return to after sign-in (never another origin). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-out')) return '/';
  return value;
}

/**
 * Route guard: signed-out users go to /sign-in (and come back afterwards); signed-in users without one of
 * `roles` see a "no access" page. Leave `roles` out to allow every signed-in user.
 */
export function RequireAuth({ roles: allowed, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }
  if (!user) {
    const returnTo = `${location.pathname}${location.search}`;
    const target = returnTo === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
    return <Navigate to={target} replace />;
  }
  if (allowed && allowed.length > 0 && !allowed.includes(user.role)) {
    return <NoAccess role={user.role} allowed={allowed} />;
  }
  return <>{children}</>;
}

/**
 * The page a user is refused: said for their audience, with no list of Steward's roles. A provider user is told the
 * page is for council staff; staff refused a provider's page that it is for care providers; anyone else that their
 * account cannot use it.
 */
function NoAccess({ role, allowed }: { role: Role; allowed: readonly Role[] }) {
  const heading =
    role === 'provider'
      ? 'This page is for council staff'
      : allowed.every((r) => r === 'provider')
        ? 'This page is for care providers'
        : 'You do not have access to this page';
  useEffect(() => {
    document.title = `${heading} – Steward`;
  }, [heading]);
  return (
    <>
      <h1 className="govuk-heading-l">{heading}</h1>
      {role === 'provider' ? (
        <p className="govuk-body">Your provider account shows your own services, contracts, returns and concerns.</p>
      ) : allowed.every((r) => r === 'provider') ? (
        <p className="govuk-body">Care providers use it to send their own returns and answers.</p>
      ) : (
        <p className="govuk-body">Your account cannot use this part of Steward. Ask an administrator if you need it.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to the home page
        </Link>
      </p>
    </>
  );
}
