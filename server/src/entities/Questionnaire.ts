import { Entity, Index } from 'typeorm';
import { VersionedRule } from './VersionedRule';

/** An assessment questionnaire (测评问卷, e.g. 大客户销售能力测评); its items live in its versions. */
@Entity({ name: 'questionnaires' })
@Index('uq_questionnaires_code', ['corpId', 'code'], { unique: true })
export class Questionnaire extends VersionedRule {}
