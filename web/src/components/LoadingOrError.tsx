import type { ApiError } from '../api';

export function Loading({ what = 'data' }: { what?: string }) {
  return (
    <p className="govuk-body" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * For pages built on useApi: shows "Loading…" or the error (in an error summary style box) and returns
 * null once there is data. `if (!data) return <LoadingOrError loading={loading} error={error} />`.
 */
export function LoadingOrError({ loading, error, what }: { loading: boolean; error?: ApiError; what?: string }) {
  if (error) {
    return (
      <div className="govuk-error-summary" role="alert">
        <h2 className="govuk-error-summary__title">
          {error.status === 403 ? 'You do not have access to this' : 'There is a problem'}
        </h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{error.detail || error.title}</p>
        </div>
      </div>
    );
  }
  if (loading) return <Loading what={what} />;
  return null;
}
