// The one error type of the domain. `graphql-errors.ts` maps it to `extensions.code`.
import { ErrorCode, LIMITS } from '@concord/shared';

/**
 * An expected refusal (bad input, not found, forbidden…), answered to the client with its code. Not a
 * server error: `graphql-errors.ts` makes it a Nest IntrinsicException, which Nest's handler does not log.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For BAD_USER_INPUT: the input field at fault, as a dotted path ("input.email"). */
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message.length > LIMITS.errorMessageMax ? `${message.slice(0, LIMITS.errorMessageMax - 1)}…` : message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, field);
export const notFound = (what = 'Not found') => new DomainError(ErrorCode.NOT_FOUND, what);
export const forbidden = (message = 'You do not have permission to do that') => new DomainError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in to continue') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, extra?: Record<string, unknown>) => new DomainError(ErrorCode.CONFLICT, message, undefined, extra);
