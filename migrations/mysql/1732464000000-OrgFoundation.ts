import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Org foundation: corps, departments, users and memberships, HR scopes, sync runs, sessions. */
export class OrgFoundation1732464000000 implements MigrationInterface {
  name = 'OrgFoundation1732464000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `corps` (`corp_id` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `agent_id` bigint NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`corp_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      "CREATE TABLE `departments` (`corp_id` varchar(64) NOT NULL, `dept_id` bigint NOT NULL, `parent_id` bigint NULL, `name` varchar(200) NOT NULL, `sort_order` int NOT NULL DEFAULT '0', `manager_userids` text NOT NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `idx_departments_parent` (`corp_id`, `parent_id`), PRIMARY KEY (`corp_id`, `dept_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `hr_scopes` (`corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `dept_id` bigint NOT NULL, `granted_by` varchar(64) NOT NULL, `granted_at` datetime NOT NULL, PRIMARY KEY (`corp_id`, `userid`, `dept_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `sessions` (`id_hash` varchar(64) NOT NULL, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, INDEX `idx_sessions_user` (`corp_id`, `userid`), PRIMARY KEY (`id_hash`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      "CREATE TABLE `sync_runs` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `kind` varchar(32) NOT NULL, `status` varchar(16) NOT NULL, `trigger` varchar(16) NOT NULL, `phase` varchar(32) NULL, `progress_done` int NOT NULL DEFAULT '0', `progress_total` int NOT NULL DEFAULT '0', `count_departments` int NOT NULL DEFAULT '0', `count_users` int NOT NULL DEFAULT '0', `count_left` int NOT NULL DEFAULT '0', `count_supervisors` int NOT NULL DEFAULT '0', `api_calls` int NOT NULL DEFAULT '0', `requested_by` varchar(64) NULL, `created_at` datetime(3) NOT NULL, `started_at` datetime(3) NULL, `finished_at` datetime(3) NULL, `error` text NULL, INDEX `idx_sync_runs_corp_kind` (`corp_id`, `kind`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      "CREATE TABLE `users` (`corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `unionid` varchar(64) NULL, `name` varchar(100) NOT NULL, `title` varchar(100) NULL, `job_number` varchar(64) NULL, `avatar` varchar(500) NULL, `hired_on` varchar(10) NULL, `main_dept_id` bigint NULL, `manager_userid` varchar(64) NULL, `supervisor_userid` varchar(64) NULL, `is_admin` tinyint NOT NULL DEFAULT 0, `is_boss` tinyint NOT NULL DEFAULT 0, `status` varchar(16) NOT NULL DEFAULT 'active', `left_on` varchar(10) NULL, INDEX `idx_users_status` (`corp_id`, `status`), INDEX `idx_users_supervisor` (`corp_id`, `supervisor_userid`), PRIMARY KEY (`corp_id`, `userid`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `user_departments` (`corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `dept_id` bigint NOT NULL, `is_leader` tinyint NOT NULL DEFAULT 0, INDEX `idx_user_departments_dept` (`corp_id`, `dept_id`), PRIMARY KEY (`corp_id`, `userid`, `dept_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `user_departments`');
    await q.query('DROP TABLE `users`');
    await q.query('DROP TABLE `sync_runs`');
    await q.query('DROP TABLE `sessions`');
    await q.query('DROP TABLE `hr_scopes`');
    await q.query('DROP TABLE `departments`');
    await q.query('DROP TABLE `corps`');
  }
}
