// The consensus fields that lists ask for (a workspace's rounds, a round's items), batched per request.
import { manyEach, oneEach } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { RoundsService } from './rounds.service';

export function consensusLoaders(ctx: RequestContext, rounds: RoundsService) {
  const l = ctx.loaders;
  return {
    round: l.get('consensus.round', async (ids: readonly string[]) => oneEach(ids, await rounds.roundsByIds(ids), (r) => r.id)),
    items: l.get('consensus.items', async (roundIds: readonly string[]) => manyEach(roundIds, await rounds.itemsOfRounds(roundIds), (i) => i.roundId)),
    ballots: l.get('consensus.ballots', async (itemIds: readonly string[]) => manyEach(itemIds, await rounds.ballotsOfItems(itemIds), (b) => b.itemId)),
    votedCount: l.get('consensus.votedCount', async (roundIds: readonly string[]) => oneEach(roundIds, await rounds.votedCounts(roundIds), (r) => r.roundId).map((r) => r?.n ?? 0)),
    electorate: l.get('consensus.electorate', async (workspaceIds: readonly string[]) => manyEach(workspaceIds, await rounds.electoratesOf(workspaceIds), (g) => g.workspaceId)),
    // Keyed by user and criterion: whose interest it is is part of the key, not of the request.
    recused: l.get(
      'consensus.recused',
      async (pairs: readonly { userId: string; criterionId: string }[]) => {
        const declared = new Set((await rounds.interestsAmong(pairs)).map((i) => `${i.userId}:${i.criterionId}`));
        return pairs.map((p) => declared.has(`${p.userId}:${p.criterionId}`));
      },
      (p) => `${p.userId}:${p.criterionId}`,
    ),
  };
}
