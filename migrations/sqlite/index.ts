import type { MigrationInterface } from 'typeorm';
import { OrgFoundation1732464000000 } from './1732464000000-OrgFoundation';

/** SQLite migrations (embedded mode), oldest first. Each is frozen once merged: never edit one, add a new one. */
export const SQLITE_MIGRATIONS: (new () => MigrationInterface)[] = [OrgFoundation1732464000000];
