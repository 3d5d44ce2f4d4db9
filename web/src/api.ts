// Fetch wrapper for the Steward API: cookies, CSRF header on writes, RFC 9457 problem+json errors.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface FieldError {
  field: string;
  message: string;
}

/** An API failure, parsed from an RFC 9457 problem+json body when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: FieldError[];

  constructor(init: { status: number; title: string; detail?: string; type?: string; errors?: FieldError[] }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? [];
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

let csrfToken: string | null = null;
const unauthorisedListeners = new Set<() => void>();

/** Set by the auth provider from `GET /api/auth/session` and `POST /api/auth/sign-in`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any API call answers 401 (session expired or signed out elsewhere). */
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

const statusTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in required',
  403: 'You do not have permission to do this',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  422: 'There is a problem with the data',
  429: 'Too many requests',
  500: 'Something went wrong in Steward',
  502: 'Steward is not responding',
  503: 'Steward is not available',
};

/** Turns a problem+json body (or anything else) into an ApiError. Exported for tests. */
export function problemToError(status: number, body: unknown): ApiError {
  const fallbackTitle = statusTitles[status] ?? `Request failed (${status})`;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const errors: FieldError[] = Array.isArray(b.errors)
      ? b.errors.flatMap((e): FieldError[] => {
          if (!e || typeof e !== 'object') return [];
          const r = e as Record<string, unknown>;
          const message = typeof r.message === 'string' ? r.message : typeof r.detail === 'string' ? r.detail : null;
          if (!message) return [];
          const field =
            typeof r.field === 'string'
              ? r.field
              : typeof r.pointer === 'string'
                ? r.pointer.replace(/^#?\//, '').replace(/\//g, '.')
                : '';
          return [{ field, message }];
        })
      : [];
    return new ApiError({
      status: typeof b.status === 'number' ? b.status : status,
      title: typeof b.title === 'string' && b.title ? b.title : fallbackTitle,
      detail: typeof b.detail === 'string' ? b.detail : typeof b.message === 'string' ? b.message : undefined,
      type: typeof b.type === 'string' ? b.type : undefined,
      errors,
    });
  }
  return new ApiError({
    status,
    title: fallbackTitle,
    detail: typeof body === 'string' ? body.slice(0, 300) : undefined,
  });
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Don't notify the auth provider on 401 (used by the session check and sign-in). */
  ignoreUnauthorised?: boolean;
}

/** One request. `path` is the full API path, e.g. `/api/market/providers?page=2`. */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, title: 'Cannot reach Steward', detail: 'Check your connection and try again.' });
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.ignoreUnauthorised) unauthorisedListeners.forEach((l) => l());
    throw problemToError(response.status, parsed);
  }
  return parsed as T;
}

export function apiGet<T>(path: string, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('GET', path, undefined, options);
}

/** A state-changing request (sends the CSRF token). */
export function apiSend<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
  options?: RequestOptions,
): Promise<T> {
  return apiRequest<T>(method, path, body, options);
}

/** The media type of an Excel workbook (.xlsx), for uploads. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Posts a file's content as it is (a CSV's text or a workbook's bytes) with the CSRF token: the upload endpoints
 * take the file as the body, not JSON. @returns the parsed JSON answer @throws ApiError built from the problem answer
 */
export async function apiUpload<T>(path: string, contentType: string, body: string | ArrayBuffer): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-csrf-token': getCsrfToken() ?? '', accept: 'application/json' },
    credentials: 'same-origin',
    body,
  });
  const text = await res.text();
  let parsed: unknown = text || undefined;
  try {
    if (text) parsed = JSON.parse(text);
  } catch {
    /* keep the text */
  }
  if (!res.ok) throw problemToError(res.status, parsed);
  return parsed as T;
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetch again (after a write, for example). Keeps the old data while loading. */
  reload: () => void;
}

export interface UseApiOptions {
  /** Keep showing the previous path's data while the new one loads (filters, paging). Default false. */
  keepPrevious?: boolean;
}

/** GET `path` when it changes; pass null to skip (e.g. until a parameter is known). */
export function useApi<T>(path: string | null, options: UseApiOptions = {}): ApiState<T> {
  const keepPrevious = options.keepPrevious ?? false;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState<boolean>(path !== null);
  const [version, setVersion] = useState(0);
  const lastPath = useRef<string | null>(null);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    if (lastPath.current !== path) {
      if (!keepPrevious) setData(undefined);
      lastPath.current = path;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    apiGet<T>(path, { signal: controller.signal })
      .then((result) => {
        setData(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(
          err instanceof ApiError
            ? err
            : new ApiError({ status: 0, title: 'Something went wrong', detail: String(err) }),
        );
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, version, keepPrevious]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

/** Builds a query string from defined values: `withQuery('/api/x', {a: 1, b: undefined})` → `/api/x?a=1`. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}
