import { MigrationInterface, QueryRunner } from 'typeorm';

export class Glossary1795281855705 implements MigrationInterface {
  name = 'Glossary1795281855705';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"glossary_entries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"term\" character varying(80) NOT NULL, \"term_key\" character varying(80) NOT NULL, \"expansion\" character varying(200), \"explanation\" text NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"glossary_entries_workspace_term_key\" UNIQUE (\"workspace_id\", \"term_key\"), CONSTRAINT \"glossary_entries_term_check\" CHECK (length(btrim(term)) > 0), CONSTRAINT \"PK_3cf3e54706f54a26f1e969caf53\" PRIMARY KEY (\"id\"))");
    await q.query("ALTER TABLE \"glossary_entries\" ADD CONSTRAINT \"FK_d57cc2730f411d03e75ea34f251\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
