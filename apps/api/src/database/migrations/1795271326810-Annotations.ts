import { MigrationInterface, QueryRunner } from 'typeorm';

export class Annotations1795271326810 implements MigrationInterface {
  name = 'Annotations1795271326810';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"annotations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"kind\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'OPEN', \"anchor\" text NOT NULL, \"quote\" text NOT NULL, \"section_id\" character varying(64), \"section_title\" text NOT NULL DEFAULT '', \"body\" text NOT NULL, \"suggestion\" text, \"evidence_url\" text, \"tags\" text array NOT NULL DEFAULT '{}', \"author_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"edited\" boolean NOT NULL DEFAULT false, \"decided_by\" uuid, \"deleted_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"annotations_status_check\" CHECK (status IN ('OPEN', 'RESOLVED', 'ACCEPTED', 'REJECTED', 'ORPHANED')), CONSTRAINT \"annotations_kind_check\" CHECK (kind IN ('COMMENT', 'QUESTION', 'SUGGESTION', 'EVIDENCE')), CONSTRAINT \"PK_d5b59b40ef7ee54b4309c2e89b2\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"annotations_document_idx\" ON \"annotations\"  (\"document_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"annotation_replies\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"annotation_id\" uuid NOT NULL, \"workspace_id\" uuid NOT NULL, \"body\" text NOT NULL, \"author_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"edited\" boolean NOT NULL DEFAULT false, \"deleted_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_a7e7355eaa91af7c13e03f89fe8\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"annotation_replies_annotation_idx\" ON \"annotation_replies\"  (\"annotation_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"annotation_edits\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"target_id\" uuid NOT NULL, \"previous_body\" text NOT NULL, \"edited_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2c1d49429e8de30aaade809e29b\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"annotation_edits_target_idx\" ON \"annotation_edits\"  (\"target_id\") ");
    await q.query("CREATE TABLE \"challenge_tags\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"label\" character varying(80) NOT NULL, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_7b18360ce7c0982a31d3190cdec\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"challenge_tags_workspace_label_key\" ON \"challenge_tags\"  (\"workspace_id\", \"label\") ");
    await q.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"workspace_id\" uuid NOT NULL, \"kind\" character varying(32) NOT NULL, \"message\" text NOT NULL, \"link\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"notifications_user_idx\" ON \"notifications\"  (\"user_id\", \"created_at\") ");
    await q.query("ALTER TABLE \"annotations\" ADD CONSTRAINT \"FK_f87c83343bf887d478e039c4162\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"annotations\" ADD CONSTRAINT \"FK_11e0b02234511ccf91cef10a118\" FOREIGN KEY (\"document_id\") REFERENCES \"documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"annotation_replies\" ADD CONSTRAINT \"FK_80db494ad8b667fe8ea0266129d\" FOREIGN KEY (\"annotation_id\") REFERENCES \"annotations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"challenge_tags\" ADD CONSTRAINT \"FK_3a9334c9bc11fbdad155b2b5fb5\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
