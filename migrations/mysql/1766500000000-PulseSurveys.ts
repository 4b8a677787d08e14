import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pulse surveys (脉搏调查) with anonymous answers, and each team's monthly atmosphere (团队氛围). */
export class PulseSurveys1766500000000 implements MigrationInterface {
  name = 'PulseSurveys1766500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `pulse_surveys` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `title` varchar(100) NOT NULL, `dept_id` bigint NOT NULL, `cadence` varchar(10) NOT NULL, `questions` text NOT NULL, `active` tinyint NOT NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_pulse_surveys_dept` (`corp_id`, `dept_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `pulse_rounds` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `survey_id` int NOT NULL, `opens_on` varchar(10) NOT NULL, `due_on` varchar(10) NOT NULL, `questions` text NOT NULL, `invited` int NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_pulse_rounds` (`survey_id`, `opens_on`), INDEX `idx_pulse_rounds_corp` (`corp_id`, `due_on`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `pulse_invitations` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `round_id` int NOT NULL, `userid` varchar(64) NOT NULL, `dept_id` bigint NOT NULL, `answered_on` varchar(10) NULL, UNIQUE INDEX `uq_pulse_invitations` (`round_id`, `userid`), INDEX `idx_pulse_invitations_user` (`corp_id`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `pulse_answers` (`id` varchar(32) NOT NULL, `corp_id` varchar(64) NOT NULL, `round_id` int NOT NULL, `dept_id` bigint NOT NULL, `answers` text NOT NULL, INDEX `idx_pulse_answers_round` (`corp_id`, `round_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `team_atmospheres` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `month` varchar(7) NOT NULL, `dept_id` bigint NOT NULL, `level` varchar(4) NULL, `score` int NOT NULL, `respondents` int NOT NULL, `enps` int NULL, `reasons` text NOT NULL, `actions` text NOT NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_team_atmospheres` (`corp_id`, `month`, `dept_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['team_atmospheres', 'pulse_answers', 'pulse_invitations', 'pulse_rounds', 'pulse_surveys']) await q.query(`DROP TABLE \`${t}\``);
  }
}
