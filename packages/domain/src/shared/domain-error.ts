/**
 * What kind of failure a domain error is, so every surface can answer it the same way:
 * `invalid` (the input breaks a rule), `illegal_transition` (not allowed in the current state),
 * `conflict` (someone else changed it first), `not_found`.
 */
export type DomainErrorKind = 'invalid' | 'illegal_transition' | 'conflict' | 'not_found';

/** A failure the domain expects and names: a stable string `code`, and the field it concerns. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: string;
  readonly kind: DomainErrorKind;
  /** Dotted path of the input field the error is about, when there is one (e.g. `due.latest`). */
  readonly field: string | undefined;
  /** Extra facts a caller can act on (e.g. the current version after a conflict). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(options: {
    code: string;
    kind: DomainErrorKind;
    message: string;
    field?: string;
    details?: Record<string, unknown>;
  }) {
    super(options.message);
    this.code = options.code;
    this.kind = options.kind;
    this.field = options.field;
    this.details = options.details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
