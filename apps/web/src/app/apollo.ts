// The one Apollo Client of the app: same-origin /graphql with the session cookie, never a stored token.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { ErrorCode } from '@concord/shared';
import { MeDocument } from '../generated/graphql';
import { decisionLogPolicy } from '../modules/decisions/decisions';

const CREDENTIAL_CHECKS = new Set(['Login', 'AcceptInvitation']);

export function createApolloClient(): ApolloClient {
  const cache = new InMemoryCache({
    typePolicies: {
      Workspace: {
        fields: {
          // Lists come back whole from the server: replace, never merge.
          members: { merge: false },
          invitations: { merge: false },
          documents: { merge: false },
          // Paged: "Show more" appends, and a refetch of the first page keeps the pages loaded after it.
          decisionLog: decisionLogPolicy,
        },
      },
      Document: { fields: { versions: { merge: false }, annotations: { merge: false } } },
      Annotation: { fields: { replies: { merge: false }, tags: { merge: false } } },
      Query: { fields: { workspaces: { merge: false } } },
    },
  });

  // A session that ends (expired, signed out elsewhere) shows as `me: null`; the sign-in gate reacts to that.
  // A wrong password while signing in or accepting an invitation says nothing about the current session.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (
      !CREDENTIAL_CHECKS.has(operation.operationName ?? '') &&
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED) &&
      cache.readQuery({ query: MeDocument })?.me
    ) {
      cache.writeQuery({ query: MeDocument, data: { me: null } });
    }
  });

  // Subscriptions go over graphql-ws on the same origin; the browser sends the session cookie with the upgrade.
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/graphql`;
  const wsLink = new GraphQLWsLink(createClient({ url: wsUrl, lazy: true, retryAttempts: Infinity }));
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    wsLink,
    new HttpLink({ uri: '/graphql', credentials: 'include' }),
  );

  return new ApolloClient({
    link: ApolloLink.from([sessionLink, transport]),
    cache,
  });
}
