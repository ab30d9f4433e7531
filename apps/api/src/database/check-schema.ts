// Prints, as JSON, the SQL that would bring DATABASE_URL in line with the entities after migrating it.
// An empty list means the migrations and the entities agree (the integration tests check this).
import { migrate, pendingSchemaChanges } from './data-source';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  await migrate(url);
  process.stdout.write(JSON.stringify({ pending: await pendingSchemaChanges(url) }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
