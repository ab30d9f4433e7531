// Recent activity from the query, then every new event from the `activity` subscription (graphql-ws).
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { RecentActivityDocument, WorkspaceActivityDocument, type ActivityFieldsFragment } from '../../../generated/graphql';
import { mergeActivity } from '../activity';

export function useActivityFeed(workspaceId: string, limit = 20, onEvent?: (event: ActivityFieldsFragment) => void) {
  const { data, error, refetch } = useQuery(RecentActivityDocument, { variables: { workspaceId, limit }, fetchPolicy: 'cache-and-network' });
  const [live, setLive] = useState<ActivityFieldsFragment[]>([]);
  const [latest, setLatest] = useState<ActivityFieldsFragment>();
  const { error: subscriptionError } = useSubscription(WorkspaceActivityDocument, {
    variables: { workspaceId },
    onData: ({ data: next }) => {
      const event = next.data?.activity;
      if (!event) return;
      setLive((events) => mergeActivity(events, event, limit));
      setLatest(event);
      onEvent?.(event);
    },
  });
  useEffect(() => setLive([]), [workspaceId]);
  let events = data?.workspace?.activity ?? [];
  for (const event of [...live].reverse()) events = mergeActivity(events, event, limit);
  return {
    events,
    latest,
    loading: !data && !error,
    error: error && !data ? error : undefined,
    live: !subscriptionError,
    refetch: () => void refetch(),
  };
}
