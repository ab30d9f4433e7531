import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's own ballots in a round (myBallot, a carried item's myRating) are found by round and voter
 * key. With only ballots_round_idx, PostgreSQL read every ballot of the round and filtered: on a round
 * of 10 items × 200 voters, 2,000 rows and 387 heap blocks for at most 10 (EXPLAIN ANALYZE on the
 * large benchmark workspace, tools/bench/large-workspace.mjs). (round_id, voter_key) finds them
 * exactly and still serves every query by round_id, so it replaces ballots_round_idx.
 */
export class BallotsRoundVoterIndex1795289842373 implements MigrationInterface {
  name = 'BallotsRoundVoterIndex1795289842373';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "ballots_round_voter_idx" ON "ballots" ("round_id", "voter_key") ');
    await q.query('DROP INDEX "public"."ballots_round_idx"');
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
