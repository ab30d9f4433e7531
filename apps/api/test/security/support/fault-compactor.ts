// A second compactor for the compaction race (run as its own process, like the server, through
// @swc-node/register): the production DocumentContentService.compact, in a tight loop over every
// document titled `${COMPACT_TITLE_PREFIX}…` that has updates in its log, until SIGTERM. Then it prints
// `compactor compactions=<n> folded=<updates folded> errors=<n>` and exits.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source';
import { DocumentContentService } from '../../../src/modules/documents/document-content.service';

async function main() {
  const url = process.env.DATABASE_URL;
  const prefix = process.env.COMPACT_TITLE_PREFIX ?? 'Compaction race ';
  if (!url) throw new Error('DATABASE_URL is required');
  const ds = new DataSource({ ...dataSourceOptions(url), extra: { max: 4 } });
  await ds.initialize();
  const content = new DocumentContentService(ds);
  let running = true;
  let compactions = 0;
  let folded = 0;
  let errors = 0;
  process.on('SIGTERM', () => (running = false));
  process.stdout.write('compactor ready\n');
  while (running) {
    const rows: { id: string }[] = await ds.query(
      `SELECT DISTINCT u.document_id AS id FROM document_updates u JOIN documents d ON d.id = u.document_id WHERE d.title LIKE $1`,
      [`${prefix}%`],
    );
    await Promise.all(
      rows.map(async ({ id }) => {
        try {
          folded += (await content.compact(id)).folded;
          compactions++;
        } catch (e) {
          errors++;
          process.stderr.write(`compaction of ${id} failed: ${String(e)}\n`);
        }
      }),
    );
    await new Promise((r) => setTimeout(r, rows.length ? 0 : 2));
  }
  await ds.destroy();
  process.stdout.write(`compactor compactions=${compactions} folded=${folded} errors=${errors}\n`);
  process.exit(0);
}

void main().catch((e) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
