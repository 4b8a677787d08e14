import mysql from 'mysql2/promise';

/** Run statements against the server of `url` (no database selected), with the database name checked. */
async function onServer(url: string, statements: (name: string) => string[]): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits and _ only`);
  u.pathname = '/';
  const conn = await mysql.createConnection(u.toString().replace(/^mariadb:/, 'mysql:'));
  try {
    for (const sql of statements(name)) await conn.query(sql);
  } finally {
    await conn.end();
  }
}

/** Drop and re-create the MySQL/MariaDB database named in `url` (utf8mb4_unicode_ci). For tests and the drift check. */
export function recreateMysqlDatabase(url: string): Promise<void> {
  return onServer(url, (name) => [`DROP DATABASE IF EXISTS \`${name}\``, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`]);
}

/** Drop the MySQL/MariaDB database named in `url`, if it exists. */
export function dropMysqlDatabase(url: string): Promise<void> {
  return onServer(url, (name) => [`DROP DATABASE IF EXISTS \`${name}\``]);
}
