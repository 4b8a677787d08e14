/**
 * Questionnaires are versioned rules like job models: drafts HR edits, published versions that never change. Only a
 * published version can be launched in a cycle, so every answer names the exact questions it answered.
 */
import { validateQuestionnaire } from '@liucai/shared';
import { Questionnaire, QuestionnaireVersion } from '../../entities';
import type { RuleFamily } from '../pay/ruleFamilies';

export const QUESTIONNAIRE_FAMILY: RuleFamily = {
  rule: Questionnaire,
  version: QuestionnaireVersion,
  topic: 'assessment',
  parentKey: 'questionnaireId',
  labels: { rule: '测评问卷', version: '问卷版本', definition: '问卷内容' },
  audit: {
    rule: 'assessment.questionnaire',
    version: 'assessment.questionnaireVersion',
    targetRule: 'questionnaire',
    targetVersion: 'questionnaire_version',
  },
  validate: (d) => {
    const r = validateQuestionnaire(d);
    return r.ok ? { ok: true } : { ok: false, problems: r.problems };
  },
};
