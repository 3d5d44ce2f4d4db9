/**
 * The errors domain and database code throw. Plain classes with no HTTP in them: one handler in
 * `src/server/problem.ts` turns each into an RFC 9457 problem+json answer (InputError → 400, Forbidden → 403,
 * NotFound → 404, Conflict → 409), and the CLI and importers print them in the same words.
 */

/** One field at fault, named by its path in the input, with a message in the user's words. */
export interface FieldError {
  /** Dotted path of the field at fault, e.g. `email` or `needs.specialisms.0`. */
  field: string;
  /** What is wrong and how to fix it, e.g. "Enter a date in the past". */
  message: string;
  /** Where the field was: body, querystring, params, headers, or a file. */
  in?: string;
}

/** Base of every expected error: the message is safe to show a user. */
export abstract class DomainError extends Error {
  /** The HTTP status this error is answered with (400, 403, 404 or 409). */
  abstract readonly status: 400 | 403 | 404 | 409;
  constructor(
    message: string,
    /** The fields at fault, when the error is about particular fields. */
    public readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule: every field at fault is listed, so the user can fix them all at once. */
export class InputError extends DomainError {
  readonly status = 400 as const;
  constructor(errors: FieldError[], detail = 'There is a problem with the information you gave') {
    super(detail, errors);
  }

  /** One field at fault. */
  static field(field: string, message: string, where?: string): InputError {
    return new InputError([{ field, message, ...(where ? { in: where } : {}) }], message);
  }
}

/** A record that does not exist (or that this user may not know exists). */
export class NotFound extends DomainError {
  readonly status = 404 as const;
  /** @param what the record in the user's words, e.g. "Contract EB-CAR-001" → "Contract EB-CAR-001 was not found". */
  constructor(what: string) {
    super(`${what} was not found`);
  }
}

/** The change clashes with the record's current state (already awarded, a duplicate, changed by someone else). */
export class Conflict extends DomainError {
  readonly status = 409 as const;
  constructor(detail: string, errors: FieldError[] = []) {
    super(detail, errors);
  }
}

/** The user may not do this to this record (a provider writing for another provider, a viewer writing at all). */
export class Forbidden extends DomainError {
  readonly status = 403 as const;
  constructor(detail = 'You do not have permission to do this') {
    super(detail);
  }
}

/** True for any error a user caused and can be told about (not a bug). */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
