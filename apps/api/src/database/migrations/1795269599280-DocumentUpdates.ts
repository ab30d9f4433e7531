import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentUpdates1795269599280 implements MigrationInterface {
  name = 'DocumentUpdates1795269599280';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"document_updates\" (\"id\" BIGSERIAL NOT NULL, \"document_id\" uuid NOT NULL, \"data\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_08d7134ef85b0c0f087d6a23ae4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"document_updates_document_idx\" ON \"document_updates\"  (\"document_id\", \"id\") ");
    await q.query("ALTER TABLE \"document_updates\" ADD CONSTRAINT \"FK_f93069f8052f5fb31b04190531c\" FOREIGN KEY (\"document_id\") REFERENCES \"documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
