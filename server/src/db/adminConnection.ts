import mysql from 'mysql2/promise';

/** Drop and re-create a MySQL/MariaDB database named in `url` (utf8mb4_unicode_ci). For tests and the drift check. */
export async function recreateMysqlDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits and _ only`);
  u.pathname = '/';
  const conn = await mysql.createConnection(u.toString());
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}
