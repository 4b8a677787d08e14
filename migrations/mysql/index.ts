import type { MigrationInterface } from 'typeorm';
import { OrgFoundation1732464000000 } from './1732464000000-OrgFoundation';

/** MySQL/MariaDB migrations, oldest first. Each is frozen once merged: never edit one, add a new one. */
export const MYSQL_MIGRATIONS: (new () => MigrationInterface)[] = [OrgFoundation1732464000000];
