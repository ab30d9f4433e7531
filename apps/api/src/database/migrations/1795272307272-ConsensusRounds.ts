import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsensusRounds1795272307272 implements MigrationInterface {
  name = 'ConsensusRounds1795272307272';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"consensus_rounds\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"number\" integer NOT NULL DEFAULT '1', \"scale\" character varying(10) NOT NULL, \"anonymous\" boolean NOT NULL DEFAULT true, \"status\" character varying(8) NOT NULL DEFAULT 'DRAFT', \"rule\" jsonb NOT NULL, \"eligible_roles\" text array NOT NULL DEFAULT '{}', \"eligible_sectors\" text array NOT NULL DEFAULT '{}', \"live_results\" boolean NOT NULL DEFAULT false, \"opens_at\" TIMESTAMP WITH TIME ZONE, \"closes_at\" TIMESTAMP WITH TIME ZONE, \"opened_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"previous_round_id\" uuid, \"document_version_id\" uuid, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"consensus_rounds_status_check\" CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')), CONSTRAINT \"consensus_rounds_scale_check\" CHECK (scale IN ('LIKERT_9', 'CONSENT', 'APPROVE')), CONSTRAINT \"PK_5e9309f1e152b1e191d21ac9d9e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"consensus_rounds_workspace_idx\" ON \"consensus_rounds\"  (\"workspace_id\", \"number\") ");
    await q.query("CREATE TABLE \"round_items\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"workspace_id\" uuid NOT NULL, \"criterion_id\" uuid NOT NULL, \"position\" integer NOT NULL DEFAULT '0', \"previous_item_id\" uuid, CONSTRAINT \"round_items_round_criterion_key\" UNIQUE (\"round_id\", \"criterion_id\"), CONSTRAINT \"PK_269d4e7f4f8d8ca9bb8117d8ec6\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"round_items_round_idx\" ON \"round_items\"  (\"round_id\") ");
    await q.query("CREATE TABLE \"ballots\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"item_id\" uuid NOT NULL, \"voter_key\" character varying(64) NOT NULL, \"sector\" character varying(16) NOT NULL, \"rating\" integer, \"choice\" character varying(10), \"rationale\" text, CONSTRAINT \"ballots_item_voter_key\" UNIQUE (\"item_id\", \"voter_key\"), CONSTRAINT \"ballots_rating_check\" CHECK (rating IS NULL OR (rating BETWEEN 1 AND 9)), CONSTRAINT \"PK_1c29cf82a8045f839f8639634e9\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"ballots_round_idx\" ON \"ballots\"  (\"round_id\") ");
    await q.query("CREATE TABLE \"round_participation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, CONSTRAINT \"round_participation_key\" UNIQUE (\"round_id\", \"user_id\"), CONSTRAINT \"PK_9e33f2b9f7414bdb66d0be8da4f\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"interests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"criterion_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"statement\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"interests_criterion_user_key\" UNIQUE (\"criterion_id\", \"user_id\"), CONSTRAINT \"PK_a2dc7b6f9a8bcf9e3f9312a879d\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"decisions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"title\" character varying(200) NOT NULL, \"statement\" text NOT NULL, \"rationale\" text NOT NULL DEFAULT '', \"status\" character varying(12) NOT NULL DEFAULT 'PROPOSED', \"round_item_id\" uuid, \"milestone_id\" uuid, \"result_summary\" text, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"decisions_workspace_number_key\" UNIQUE (\"workspace_id\", \"number\"), CONSTRAINT \"decisions_status_check\" CHECK (status IN ('PROPOSED', 'AGREED', 'SUPERSEDED')), CONSTRAINT \"PK_48eee6fa229cd5e43648f6a2ec3\" PRIMARY KEY (\"id\"))");
    await q.query("ALTER TABLE \"criteria\" ADD \"status\" character varying(10) NOT NULL DEFAULT 'CANDIDATE'");
    await q.query("ALTER TABLE \"consensus_rounds\" ADD CONSTRAINT \"FK_7878e550b19663692a2982bd90d\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"round_items\" ADD CONSTRAINT \"FK_975cca264cdf275e273705a4fde\" FOREIGN KEY (\"round_id\") REFERENCES \"consensus_rounds\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"round_items\" ADD CONSTRAINT \"FK_dfa07b09459adefb713f97cf2c4\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criteria\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"ballots\" ADD CONSTRAINT \"FK_e6e193624b9b711db81cc856959\" FOREIGN KEY (\"item_id\") REFERENCES \"round_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"ballots\" ADD CONSTRAINT \"FK_e964dcf304bed118754e4eb03b2\" FOREIGN KEY (\"round_id\") REFERENCES \"consensus_rounds\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"round_participation\" ADD CONSTRAINT \"FK_02c16ddbad65b652faea4365776\" FOREIGN KEY (\"round_id\") REFERENCES \"consensus_rounds\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"round_participation\" ADD CONSTRAINT \"FK_9fb2b2c377e86dee691c57c4799\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"interests\" ADD CONSTRAINT \"FK_45d0cf1e80bb8ec41cec7bace3d\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criteria\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"decisions\" ADD CONSTRAINT \"FK_072da2a3b2b83ab668d40e8f003\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
