import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.ts';

export interface ConduitErrorOptions {
  /** What to do about it: the config key, env var or command. Defaults to the catalogue's hint. */
  hint?: string;
  /** Whether trying the same thing again later may succeed. Defaults to the catalogue's value. */
  retryable?: boolean;
  /** Seconds after which a retry makes sense (rate limits, open circuits). */
  retryAfterSeconds?: number;
  /** Machine-readable context safe to show to a client (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type that crosses module boundaries. Every failure a user can
 * act on is a ConduitError with a stable code from the catalogue; anything else
 * is a bug and is reported as INTERNAL.
 */
export class ConduitError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: ConduitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConduitError';
    const entry = ERROR_CATALOGUE[code];
    this.code = code;
    this.hint = options.hint ?? entry.fix;
    this.retryable = options.retryable ?? entry.retryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  /** The shape sent to clients (MCP structured errors, --json output). */
  toJSON(): SerializedError {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      retryable: this.retryable,
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export interface SerializedError {
  code: string;
  message: string;
  hint: string;
  retryable: boolean;
  retryAfterSeconds?: number;
  details?: Record<string, unknown>;
}

/** Longest caller-given value an error message repeats in full. */
const QUOTED_MAX = 100;

/**
 * A value the caller gave (an id, a path, a cursor), in double quotes for an
 * error message. A long one is cut and its length said, so a message never
 * echoes a runaway input back in full.
 */
export function quoted(value: string): string {
  if (value.length <= QUOTED_MAX) return `"${value}"`;
  return `"${value.slice(0, QUOTED_MAX)}…" (${value.length.toLocaleString('en')} characters)`;
}

export function isConduitError(value: unknown): value is ConduitError {
  return value instanceof ConduitError;
}

export function hasCode(value: unknown, code: ErrorCode): value is ConduitError {
  return value instanceof ConduitError && value.code === code;
}

/**
 * Turns anything thrown into something safe to show: a ConduitError stays as it
 * is; anything else becomes INTERNAL with no stack and no original message,
 * because an unknown message may carry a secret or a raw upstream body.
 */
export function toSafeError(value: unknown): ConduitError {
  if (value instanceof ConduitError) return value;
  return new ConduitError('INTERNAL', 'An unexpected error occurred inside Conduit.', { cause: value });
}
