// The one place where errors become GraphQL errors: domain errors keep their code (and field),
// anything unexpected is logged and reaches the client as a bare INTERNAL_SERVER_ERROR.
import { ErrorCode } from '@concord/shared';
import { IntrinsicException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from './domain-error';

// A DomainError is an answer, not a server error. Nest's exception handler logs every Error thrown by a
// resolver at error level unless it is an IntrinsicException: every refused request wrote an error line
// quoting the client's value in full (a 900 kB field made a 900 kB line). DomainError is defined without
// Nest (unit tests load it, and Nest's ES modules do not load under jest), so it joins the class here,
// where the API is assembled; its constructor is still Error's.
if (!(DomainError.prototype instanceof IntrinsicException)) Object.setPrototypeOf(DomainError.prototype, IntrinsicException.prototype);

const PASSTHROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...(original.extra ?? {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSTHROUGH.has(code)) {
      // Apollo's own coded errors (parse, validation, bad request, armor limits): keep the message, drop any stack.
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      void _drop;
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    logger.error({ err: original instanceof Error ? { message: original.message, stack: original.stack } : original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
