import { Column, Entity, Index } from 'typeorm';
import { RuleVersion } from './RuleVersion';

/**
 * One version of a questionnaire (items, options, dimensions as JSON). Cycles launch only published versions, which
 * never change, so every answer and score names the exact questions that produced it.
 */
@Entity({ name: 'questionnaire_versions' })
@Index('uq_questionnaire_versions_number', ['questionnaireId', 'version'], { unique: true })
@Index('idx_questionnaire_versions_questionnaire', ['corpId', 'questionnaireId'])
export class QuestionnaireVersion extends RuleVersion {
  @Column({ name: 'questionnaire_id', type: 'int' })
  questionnaireId: number;
}
