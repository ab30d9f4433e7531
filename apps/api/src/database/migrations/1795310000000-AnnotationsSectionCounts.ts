import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outline's open-thread counts per heading (Document.openAnnotationCounts, asked with every
 * annotation page and overview) grouped the open rows of the draft by section_id, which no index held:
 * 6.7 ms on a draft with 10,000 threads, reading every open row from the table (tools/bench/graphql-bench.mjs
 * --explain). With (document_id, status, section_id) the count comes from the index alone.
 */
export class AnnotationsSectionCounts1795310000000 implements MigrationInterface {
  name = 'AnnotationsSectionCounts1795310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "annotations_document_status_section_idx" ON "annotations" ("document_id", "status", "section_id") WHERE "deleted_at" IS NULL');
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
