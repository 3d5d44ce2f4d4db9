// RFC 9457 problem details. Every error the API returns has this shape, naming the field or input at fault.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Conflict, DomainError, Forbidden, InputError, NotFound, type FieldError } from '../domain/core/errors.js';
import { fieldLabel, userMessage, type SchemaIssue } from '../domain/core/messages.js';
import { loggableError, pgErrorOf, type PgErrorFacts } from '../db/errors.js';
import type { ImportRejected } from '../importers/framework.js';

export type { FieldError };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * An answer outside the domain's typed errors (401, 413, 415, 422, 429, 503): throw from a route; the error handler
 * turns it into problem+json. For 400, 403, 404 and 409 throw the typed errors of src/domain/core/errors.ts.
 */
export class Problem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string = TITLES[status] ?? 'Error',
    public readonly detail?: string,
    public readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

/** 404: "<what> was not found". The same typed error domain and database code throw. */
export const notFound = (what: string) => new NotFound(what);
/** 403 with a reason the user can read. */
export const forbidden = (detail?: string) => new Forbidden(detail);
/** 401: the request needs a session. */
export const unauthorised = () => new Problem(401, 'Sign in required', 'Sign in to use this service');
/** 409: the change clashes with the record's state. */
export const conflict = (detail: string, errors?: FieldError[]) => new Conflict(detail, errors);
/** 400 listing every field at fault. */
export const invalid = (errors: FieldError[], detail?: string) => new InputError(errors, detail);

/**
 * 422 for a file an importer refused whole (ImportRejected): the count of problems, then one error per problem
 * naming its place as "line 12: Start date" ("line 12" when the problem is the whole line; the field, or "file",
 * when it has no line). `title` and `nothingWas` word it for the thing imported; `fileName` names the file in the
 * detail; `limit` keeps only the first problems; `where` is each error's `in` ("body" unless told).
 */
export function importRejected(
  e: ImportRejected,
  {
    title = 'The file was not imported',
    nothingWas = 'saved',
    fileName,
    limit,
    where = 'body',
  }: { title?: string; nothingWas?: 'saved' | 'imported'; fileName?: string; limit?: number; where?: string } = {},
): Problem {
  const n = e.issues.length;
  return new Problem(
    422,
    title,
    `${n} problem${n === 1 ? '' : 's'} found${fileName ? ` in ${fileName}` : ''}; nothing was ${nothingWas}`,
    e.issues.slice(0, limit).map((i) => ({
      field: i.line == null ? (i.field ?? 'file') : `line ${i.line}${i.field ? `: ${i.field}` : ''}`,
      message: i.message,
      in: where,
    })),
  );
}

/** The RFC 9457 `type` URI of a problem with this HTTP status. */
export function problemType(status: number): string {
  return `https://steward.invalid/problems/${status}`;
}

/** Sends an RFC 9457 problem+json answer with its type and the request path as `instance`. */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  body: Omit<ProblemBody, 'type' | 'instance'>,
) {
  const full: ProblemBody = { type: problemType(body.status), instance: request.url.split('?')[0], ...body };
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(full);
}

function fieldFromPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

/** One failure as fastify-type-provider-zod reports it: the issue's code as `keyword`, its other parts as `params`. */
export interface ValidationFailure {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: unknown;
}

/**
 * The Zod issue a validation failure came from: fastify-type-provider-zod splits it into `keyword` (the code),
 * `message` and `params` (the rest: minimum, maximum, origin, format, expected...).
 */
export function issueOf(v: ValidationFailure): SchemaIssue {
  const params = (v.params ?? {}) as Record<string, unknown>;
  // An older provider nested the whole issue under params.issue.
  if (params.issue && typeof params.issue === 'object') return params.issue as SchemaIssue;
  const path = v.instancePath.split('/').filter(Boolean);
  return { ...(params as Partial<SchemaIssue>), code: v.keyword, message: v.message, path };
}

/** Zod's check that an integer is a safe one (within ±2^53 − 1): a value past the field's own range meets it too. */
const isSafeIntegerCheck = (i: SchemaIssue) => (i.code === 'too_big' || i.code === 'too_small') && i.origin === 'int';

/**
 * Field errors for a schema's failures, in the user's words: one per field (the field's own range before Zod's
 * safe-integer check, so 99999999999999999999 pounds reads "must be £1,000,000,000 or less"), in the order the
 * schema lists its fields.
 */
export function schemaErrors(failures: readonly ValidationFailure[], where: string): FieldError[] {
  const byField = new Map<string, SchemaIssue[]>();
  for (const v of failures) {
    const field = fieldFromPath(v.instancePath) || where;
    byField.set(field, [...(byField.get(field) ?? []), issueOf(v)]);
  }
  return [...byField].map(([field, issues]) => {
    const issue = issues.find((i) => !isSafeIntegerCheck(i)) ?? issues[0];
    return { field, message: userMessage(issue, fieldLabel(field)), in: where };
  });
}

/**
 * The one error handler: typed errors (InputError, NotFound, Conflict...), validation failures and anything else
 * become problem+json naming the fields; unexpected errors are logged and answered 500 without detail.
 */
export function errorHandler(error: FastifyError | Problem | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) {
    return sendProblem(reply, request, {
      status: error.status,
      title: error.title,
      detail: error.detail,
      errors: error.errors,
    });
  }
  if (error instanceof DomainError) {
    const status = error.status;
    // Domain and database code name the field; where it came from is the request's: its body when it has one.
    const where = request.body === undefined || request.body === null ? 'querystring' : 'body';
    return sendProblem(reply, request, {
      status,
      title: status === 400 ? 'Invalid request' : TITLES[status],
      detail: error.message,
      ...(error.errors.length ? { errors: error.errors.map((e) => ({ in: where, ...e })) } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    // A malformed id in the address is a page that does not exist, not a form to correct.
    if (where === 'params') {
      const label = fieldLabel(fieldFromPath(error.validation[0]?.instancePath ?? '') || 'page');
      return sendProblem(reply, request, {
        status: 404,
        title: 'Not found',
        detail: `${label[0].toUpperCase()}${label.slice(1)} was not found: check the address`,
      });
    }
    const errors = schemaErrors(error.validation, where);
    return sendProblem(reply, request, {
      status: 400,
      title: 'Invalid request',
      detail: 'There is a problem with the information you gave',
      errors,
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return sendProblem(reply, request, {
      status: 500,
      title: 'Internal server error',
      detail: 'The response did not match its schema',
    });
  }
  const database = pgErrorOf(error);
  if (database) {
    const mapped = databaseProblem(database);
    if (mapped) {
      request.log.warn({ db: loggableError(error) }, 'database refused the request');
      return sendProblem(reply, request, mapped);
    }
  }
  const fe = error as FastifyError;
  const status = fe.statusCode && fe.statusCode >= 400 ? fe.statusCode : 500;
  if (status >= 500) {
    // Never the error itself: a database error carries the statement's parameters (names, NHS numbers).
    request.log.error({ error: loggableError(error) }, 'unhandled error');
    return sendProblem(reply, request, {
      status,
      title: TITLES[status] ?? 'Error',
      detail: 'Something went wrong on our side',
    });
  }
  // Fastify's own client errors: body too large, bad JSON, unsupported media type, rate limit...
  const errors: FieldError[] | undefined =
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ? [{ field: 'body', message: fe.message, in: 'body' }]
      : fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? [{ field: 'body', message: 'The request body is too large', in: 'body' }]
        : undefined;
  return sendProblem(reply, request, { status, title: TITLES[status] ?? 'Error', detail: fe.message, errors });
}

/**
 * A database refusal that the client caused or can retry, as problem+json: a write that lost a race to
 * another (409, try again), a duplicate (409), a value the column cannot hold (400), a statement cancelled by
 * the timeout (503). Anything else stays a 500.
 */
export function databaseProblem(e: PgErrorFacts): Omit<ProblemBody, 'type' | 'instance'> | null {
  const field = e.column ?? 'body';
  switch (e.code) {
    case '40001':
    case '40P01':
    case '55P03':
      return {
        status: 409,
        title: 'Conflict',
        detail: 'Someone else changed these records at the same moment: reload them and try again',
      };
    case '23505':
      return {
        status: 409,
        title: 'Conflict',
        detail: 'A record with these details already exists',
        ...(e.constraint ? { errors: [{ field: e.column ?? e.constraint, message: 'This is already in use' }] } : {}),
      };
    case '23503':
      return {
        status: 409,
        title: 'Conflict',
        detail: 'This refers to a record that does not exist, or is still referred to by others',
      };
    case '57014':
      return {
        status: 503,
        title: 'Service unavailable',
        detail: 'The request took too long and was stopped: ask for a shorter period or fewer records',
      };
  }
  if (e.code.startsWith('22') || e.code === '23502' || e.code === '23514') {
    const message =
      e.code === '22003'
        ? 'A number is too large or too small'
        : e.code === '22001'
          ? 'A value is too long'
          : e.code === '22007' || e.code === '22008'
            ? 'A date or time is not a real one, or is out of range'
            : e.code === '22021' || e.code === '22P05'
              ? 'Text contains characters that cannot be stored'
              : 'A value is not in the right form';
    return { status: 400, title: 'Invalid request', detail: message, errors: [{ field, message, in: 'body' }] };
  }
  return null;
}

/** Answers an unknown route with a 404 problem+json. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, request, {
    status: 404,
    title: 'Not found',
    detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
  });
}
