import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewRounds1795271922276 implements MigrationInterface {
  name = 'ReviewRounds1795271922276';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"review_rounds\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"version_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"closes_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" character varying(8) NOT NULL DEFAULT 'OPEN', \"opened_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"closed_at\" TIMESTAMP WITH TIME ZONE, \"summary\" jsonb, CONSTRAINT \"review_rounds_status_check\" CHECK (status IN ('OPEN', 'CLOSED')), CONSTRAINT \"PK_af804477416b76c82c10774be17\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"review_rounds_workspace_idx\" ON \"review_rounds\"  (\"workspace_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"review_round_reviewers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"added_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"review_round_reviewers_key\" UNIQUE (\"round_id\", \"user_id\"), CONSTRAINT \"PK_73c5c2a14436279437699b06aa2\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"review_round_reviewers_user_idx\" ON \"review_round_reviewers\"  (\"user_id\") ");
    await q.query("CREATE TABLE \"triage_responses\" (\"annotation_id\" uuid NOT NULL, \"response\" character varying(20) NOT NULL, \"reason\" text NOT NULL, \"responded_by\" uuid, \"responded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"triage_responses_response_check\" CHECK (response IN ('ACCEPTED', 'ACCEPTED_IN_PART', 'NOT_ACCEPTED', 'DEFERRED')), CONSTRAINT \"PK_42e18ce1d9f476cbb3c9e8a05ee\" PRIMARY KEY (\"annotation_id\"))");
    await q.query("ALTER TABLE \"annotations\" ADD \"review_round_id\" uuid");
    await q.query("ALTER TABLE \"annotations\" ADD \"version_id\" uuid");
    await q.query("ALTER TABLE \"annotations\" ADD \"carried\" character varying(10)");
    await q.query("ALTER TABLE \"invitations\" ADD \"review_round_id\" uuid");
    await q.query("CREATE INDEX \"annotations_round_idx\" ON \"annotations\"  (\"review_round_id\") ");
    await q.query("ALTER TABLE \"review_rounds\" ADD CONSTRAINT \"FK_6ac0fc0a69a164964f4bb3979be\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"review_rounds\" ADD CONSTRAINT \"FK_633aee747af44ad6d0744f32f21\" FOREIGN KEY (\"document_id\") REFERENCES \"documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"review_rounds\" ADD CONSTRAINT \"FK_1cd206823278d9eae5d80880852\" FOREIGN KEY (\"version_id\") REFERENCES \"document_versions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"review_round_reviewers\" ADD CONSTRAINT \"FK_e03ac212cb51bb7c2dda6f876ce\" FOREIGN KEY (\"round_id\") REFERENCES \"review_rounds\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"review_round_reviewers\" ADD CONSTRAINT \"FK_b8c9612891fa563a17f6a84ce09\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"triage_responses\" ADD CONSTRAINT \"FK_42e18ce1d9f476cbb3c9e8a05ee\" FOREIGN KEY (\"annotation_id\") REFERENCES \"annotations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
