// Turns whatever Apollo Client reports into what the UI shows: a sentence, and the input at fault if any.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@concord/shared';

export interface ApiProblem {
  /** `extensions.code`, or NETWORK when the server could not be reached. */
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  message: string;
  /** The input the server blames (`extensions.field`), last path segment only: `input.email` → `email`. */
  field?: string;
  /** `extensions.reason` of a CONFLICT, e.g. EXPIRED | USED | REVOKED for invitations. */
  reason?: string;
  retryAfterSeconds?: number;
}

const CODES = new Set<string>(Object.values(ErrorCode));

function fromGraphQLError(error: GraphQLFormattedError): ApiProblem {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' && CODES.has(ext.code) ? (ext.code as ErrorCode) : 'UNKNOWN';
  const path = typeof ext.field === 'string' ? ext.field : undefined;
  const field = path?.split('.').pop();
  const reason = typeof ext.reason === 'string' ? ext.reason : undefined;
  const retryAfterSeconds = typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined;
  // "input.email: must be an email" reads as "Must be an email" beside the email field.
  let message = path && error.message.startsWith(`${path}: `) ? capitalise(error.message.slice(path.length + 2)) : error.message;
  if (code === ErrorCode.TOO_MANY_REQUESTS) message = tooManyRequests(retryAfterSeconds);
  if (code === 'UNKNOWN') message = 'Something went wrong on the server. Please try again.';
  return { code, message, field, reason, retryAfterSeconds };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tooManyRequests(seconds: number | undefined): string {
  if (seconds === undefined) return 'Too many attempts. Please wait a moment and try again.';
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}

/** The GraphQL errors in an HTTP error response (Apollo Server answers some errors with a 4xx status). */
function errorsInBody(error: ServerError): GraphQLFormattedError[] {
  try {
    const body: unknown = JSON.parse(error.bodyText);
    if (body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)) {
      return (body as { errors: GraphQLFormattedError[] }).errors;
    }
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return [];
}

/** Every problem in an Apollo error, most specific first. Empty for no error. */
function toProblems(error: unknown): ApiProblem[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(fromGraphQLError);
  if (ServerError.is(error)) {
    const errors = errorsInBody(error);
    if (errors.length > 0) return errors.map(fromGraphQLError);
    if (error.statusCode === 429) return [{ code: ErrorCode.TOO_MANY_REQUESTS, message: tooManyRequests(undefined) }];
    return [{ code: 'UNKNOWN', message: `The server answered with an error (HTTP ${error.statusCode}). Please try again.` }];
  }
  return [{ code: 'NETWORK', message: 'Concord cannot reach the server. Check your connection and try again.' }];
}

export function toProblem(error: unknown): ApiProblem | undefined {
  return toProblems(error)[0];
}

/** Splits an error between the form's fields (by `extensions.field`) and a message for the whole form. */
export function splitFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): { fieldErrors: Partial<Record<F, string>>; formError?: string } {
  const fieldErrors: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const problem of toProblems(error)) {
    const field = fields.find((f) => f === problem.field);
    if (field && problem.code === ErrorCode.BAD_USER_INPUT) fieldErrors[field] = problem.message;
    else rest.push(problem.message);
  }
  return { fieldErrors, formError: rest.length > 0 ? rest.join(' ') : undefined };
}
