/** Every corp starts with the built-in question bank (大客户销售能力测评) as a published questionnaire. */
import { QUESTIONNAIRE_TEMPLATES } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import { ensureBuiltInRules } from '../../talent/commands/builtInJobModelSeeder';
import { QUESTIONNAIRE_FAMILY } from '../questionnaireFamily';

export async function ensureBuiltInQuestionnaires(ds: DataSource, corpId: string): Promise<void> {
  await ensureBuiltInRules(ds, corpId, QUESTIONNAIRE_FAMILY, QUESTIONNAIRE_TEMPLATES);
}
