import pg from 'pg';

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Drops and recreates `name` on the server of `serverUrl`; returns its URL.
 * With `template`, the new database is a copy of that one (PostgreSQL copies
 * the files: much faster than migrating and seeding again). Nobody may be
 * connected to the template meanwhile.
 */
export async function freshDatabase(
  serverUrl: string,
  name: string,
  options: { template?: string } = {},
): Promise<string> {
  for (const database of [name, options.template ?? name])
    if (!NAME.test(database)) throw new Error(`bad database name ${database}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, name);
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
