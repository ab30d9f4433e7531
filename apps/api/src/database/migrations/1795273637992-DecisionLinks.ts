import { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionLinks1795273637992 implements MigrationInterface {
  name = 'DecisionLinks1795273637992';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"decisions\" ADD \"agreed_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"decisions\" ADD \"supersedes_id\" uuid");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
