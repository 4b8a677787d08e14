/**
 * Everyone's training records of a corp (course completion and exam score), grouped by person in one query: the
 * retention radar's 培训 signal. A person without any record is absent (无数据).
 */
import type { DataSource } from 'typeorm';
import type { TrainingDone } from '@liucai/shared';
import { TrainingRecord } from '../../../entities';

export async function trainingRecordsByPerson(ds: DataSource, corpId: string): Promise<Map<string, TrainingDone[]>> {
  // tenancy: this corp's records only.
  const rows = await ds.getRepository(TrainingRecord).find({ where: { corpId }, select: { userid: true, completedOn: true, examScore: true } });
  const out = new Map<string, TrainingDone[]>();
  for (const r of rows) {
    const list = out.get(r.userid) ?? [];
    list.push({ completedOn: r.completedOn, examScore: r.examScore === null ? null : Number(r.examScore) });
    out.set(r.userid, list);
  }
  return out;
}
