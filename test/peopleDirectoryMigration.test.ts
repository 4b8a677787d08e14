/**
 * The PeopleDirectory migration on data an earlier version left: it flags the people with a department besides
 * their main one from their memberships (peopleScope.ts relies on it), and goes down and up again cleanly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, MigrationInterface } from 'typeorm';
import { openDatabase } from '../server/src/db/dataSource';
import { recreateMysqlDatabase } from '../server/src/db/adminConnection';
import { runDatabaseUrl } from './support/testEnv';
import { PeopleDirectory1765200000000 as MysqlMigration } from '../migrations/mysql/1765200000000-PeopleDirectory';
import { PeopleDirectory1765200000000 as SqliteMigration } from '../migrations/sqlite/1765200000000-PeopleDirectory';
import { ScopeCoveringIndexes1767850000000 as MysqlIndexes } from '../migrations/mysql/1767850000000-ScopeCoveringIndexes';
import { ScopeCoveringIndexes1767850000000 as SqliteIndexes } from '../migrations/sqlite/1767850000000-ScopeCoveringIndexes';
import { DirectoryIndex1767940000000 as MysqlDirectoryIndex } from '../migrations/mysql/1767940000000-DirectoryIndex';
import { DirectoryIndex1767940000000 as SqliteDirectoryIndex } from '../migrations/sqlite/1767940000000-DirectoryIndex';

/** Down and up again; `later` are later migrations that index its columns (SQLite drops no indexed column): first down, last up. */
async function backfilled(ds: DataSource, migration: MigrationInterface, later: MigrationInterface[]) {
  const qr = ds.createQueryRunner();
  try {
    for (const m of [...later].reverse()) await m.down(qr);
    await migration.down(qr);
    await ds.query(
      "INSERT INTO users (corp_id, userid, name, main_dept_id, status) VALUES ('c', 'one', '甲', 1, 'active'), ('c', 'two', '乙', 1, 'active'), ('c', 'gone', '丙', NULL, 'left')",
    );
    await ds.query(
      "INSERT INTO user_departments (corp_id, userid, dept_id, is_leader) VALUES ('c', 'one', 1, 0), ('c', 'two', 1, 0), ('c', 'two', 2, 0), ('c', 'gone', 3, 0)",
    );
    await migration.up(qr);
    for (const m of later) await m.up(qr);
    return (await ds.query('SELECT userid, in_other_depts AS flag, name_initials AS initials FROM users ORDER BY userid')).map(
      (r: { userid: string; flag: number; initials: string | null }) => [r.userid, Number(r.flag), r.initials],
    );
  } finally {
    await qr.release();
  }
}

describe('PeopleDirectory migration', () => {
  const expected = [
    ['gone', 1, null],
    ['one', 0, null],
    ['two', 1, null],
  ];

  it('flags people in other departments from their memberships on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-migpeople-'));
    const ds = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'db.sqlite') }, { migrate: true });
    try {
      expect(await backfilled(ds, new SqliteMigration(), [new SqliteIndexes(), new SqliteDirectoryIndex()])).toEqual(expected);
    } finally {
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('flags people in other departments from their memberships on MariaDB', async () => {
    const url = runDatabaseUrl(`mig${process.pid}`);
    await recreateMysqlDatabase(url);
    const ds = await openDatabase({ kind: 'mysql', url }, { migrate: true });
    try {
      expect(await backfilled(ds, new MysqlMigration(), [new MysqlIndexes(), new MysqlDirectoryIndex()])).toEqual(expected);
    } finally {
      await ds.query(`DROP DATABASE \`${new URL(url).pathname.slice(1)}\``);
      await ds.destroy();
    }
  });
});
