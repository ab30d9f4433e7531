// One round as the viewer may see it, kept live: every `roundChanged` event (a ballot, opening, closing)
// refetches it, so counts, status and results update without a reload.
import { useCallback } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { RoundChangedDocument, RoundDetailDocument, type RoundDetailQuery } from '../../../generated/graphql';
import { useCurrentWorkspace } from '../../workspaces/hooks/useCurrentWorkspace';
import { mayVote, seesParticipation } from '../consensus';

export type RoundDetail = NonNullable<RoundDetailQuery['round']>;
export type RoundDetailItem = RoundDetail['items'][number];

export function useRoundDetail(roundId: string) {
  const workspace = useCurrentWorkspace();
  const { data, error, refetch } = useQuery(RoundDetailDocument, {
    variables: { id: roundId, votes: mayVote(workspace.myRole), lead: seesParticipation(workspace.myRole) },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch().then(() => undefined, () => undefined), [refetch]);
  useSubscription(RoundChangedDocument, { variables: { roundId }, onData: () => void reload(), skip: !roundId });
  return { round: data?.round ?? null, loaded: data !== undefined, error, reload };
}

/** Refetches `onChange` whenever the round changes; renders nothing (one per listed round that can still change). */
export function RoundWatcher({ roundId, onChange }: { roundId: string; onChange: () => void }) {
  useSubscription(RoundChangedDocument, { variables: { roundId }, onData: onChange });
  return null;
}
