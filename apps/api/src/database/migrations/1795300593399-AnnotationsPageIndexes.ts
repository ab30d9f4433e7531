import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Document.annotationPage reads a draft's threads newest first on (created_at, id) after a cursor,
 * mostly filtered by status (the panel opens on OPEN threads), and counts them; the outline counts
 * open ones per heading. annotations_document_idx (document_id, created_at) lacks the id tie-breaker
 * and the status, so a page of OPEN threads read and sorted every row of the draft. These two partial
 * indexes (deleted rows are never listed) serve the keyset condition and the order directly, and the
 * counts from the index alone.
 */
export class AnnotationsPageIndexes1795300593399 implements MigrationInterface {
  name = 'AnnotationsPageIndexes1795300593399';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "annotations_document_page_idx" ON "annotations" ("document_id", "created_at", "id") WHERE "deleted_at" IS NULL');
    await q.query('CREATE INDEX "annotations_document_status_page_idx" ON "annotations" ("document_id", "status", "created_at", "id") WHERE "deleted_at" IS NULL');
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
