// Writes a migration with the SQL that brings a database migrated to HEAD in line with the entities.
// Usage: npm run migration:generate -- <Name>   (uses MIGRATION_DATABASE_URL, default the local PostgreSQL)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate, pendingSchemaChanges } from './data-source';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <PascalCaseName>');
  const admin = process.env.MIGRATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `concord_migration_${Date.now()}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${scratch}`);
  try {
    const url = admin.replace(/\/[^/]*$/, `/${scratch}`);
    await migrate(url);
    const up = await pendingSchemaChanges(url);
    if (up.length === 0) return console.log('No changes: entities and migrations agree.');
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${up.map((s) => `    await q.query(${JSON.stringify(s)});`).join('\n')}
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
`;
    const file = join(__dirname, 'migrations', `${ts}-${name}.ts`);
    writeFileSync(file, body);
    const index = join(__dirname, 'migrations', 'index.ts');
    const list = readFileSync(index, 'utf8')
      .replace(/(\nexport const MIGRATIONS)/, `import { ${cls} } from './${ts}-${name}';\n$1`)
      .replace(/\];\s*$/, `, ${cls}];\n`);
    writeFileSync(index, list);
    console.log(`Wrote ${file} and listed it in migrations/index.ts: review it.`);
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await client.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
