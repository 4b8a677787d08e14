import { TrainingRecord } from '../../../entities';
import { date, integer, person, text } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/** 培训记录: one record per person and course (a later file updates completion and score). */
export const trainingKind = defineKind({
  kind: 'training',
  label: '培训记录',
  keyDescription: '员工 + 课程',
  entity: TrainingRecord,
  columns: {
    employee: required('员工', person(), '张伟'),
    course: required('课程', text(200), '大客户销售方法论'),
    completionPercent: required('完成度(%)', integer(0, 100, { percent: true }), '100', ['完成度']),
    examScore: optional('考试成绩', integer(0, 100), '88'),
    completedOn: optional('完成日期', date(), '2026-11-24'),
  },
  key: (v) => [v.employee.userid, v.course],
  toRow: (v) => ({ userid: v.employee.userid, course: v.course, completionPercent: v.completionPercent, examScore: v.examScore, completedOn: v.completedOn }),
  compare: ['userid', 'course', 'completionPercent', 'examScore', 'completedOn'],
  updateColumns: ['userid', 'course', 'completion_percent', 'exam_score', 'completed_on'],
});
