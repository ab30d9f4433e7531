import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentVersions1795270378712 implements MigrationInterface {
  name = 'DocumentVersions1795270378712';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"document_versions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"document_id\" uuid NOT NULL, \"workspace_id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"state\" bytea NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_baf26dab035c6d6fc433f9dc6a2\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"document_versions_document_idx\" ON \"document_versions\"  (\"document_id\", \"created_at\") ");
    await q.query("ALTER TABLE \"document_versions\" ADD CONSTRAINT \"FK_ac75577bca976d6d581b0f459b6\" FOREIGN KEY (\"document_id\") REFERENCES \"documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
