// The decisions drafted from a round's results when it closed, by round item: "D-004 (proposed)".
import { useQuery } from '@apollo/client/react';
import { RoundDecisionsDocument, type DecisionStatus } from '../../../generated/graphql';

export interface DraftedDecision {
  ref: string;
  status: DecisionStatus;
}

export function useRoundDecisions(workspaceId: string, closed: boolean): Map<string, DraftedDecision> {
  const { data } = useQuery(RoundDecisionsDocument, { variables: { workspaceId }, skip: !closed, fetchPolicy: 'cache-and-network' });
  const byItem = new Map<string, DraftedDecision>();
  for (const d of data?.workspace?.decisions ?? []) if (d.roundItemId) byItem.set(d.roundItemId, { ref: d.ref, status: d.status });
  return byItem;
}
