/**
 * The follow-up notes (content) of a corp's window, by the person who wrote them: one query, present rows only (the
 * named CRM rule), empty notes left out. The corpus of the client-feedback keywords (shared/src/talent/feedbackTerms.ts).
 */
import type { DataSource } from 'typeorm';
import { FollowUp } from '../../../entities';
import { whereCrmRowPresent } from '../../sync/queries/crmRows';
import { shanghaiMidnight } from '../../../util/dates';
import { selectAs } from '../../people/queries/paging';

export async function followUpNotes(ds: DataSource, corpId: string, from: string, to: string): Promise<Map<string, string[]>> {
  // tenancy: the corp's follow-ups of the window with a note, present.
  const rows = await whereCrmRowPresent(
    selectAs(ds.getRepository(FollowUp).createQueryBuilder('f'), { owner: 'f.owner_userid', content: 'f.content' }).where(
      'f.corp_id = :corpId AND f.owner_userid IS NOT NULL AND f.content IS NOT NULL AND f.followed_at >= :from AND f.followed_at < :to',
      { corpId, from: new Date(shanghaiMidnight(from)), to: new Date(shanghaiMidnight(to) + 86_400_000) },
    ),
    'f',
  ).getRawMany<{ owner: string; content: string }>();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.content.trim()) continue;
    const list = out.get(r.owner);
    if (list) list.push(r.content);
    else out.set(r.owner, [r.content]);
  }
  return out;
}
