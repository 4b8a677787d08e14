/**
 * Which people of a corp have any row in a table (decisions, promotions, reviews …), kept while the table's topic is
 * unchanged: a person page asks it before reading a person's rows, and reads nothing for the many who have none.
 */
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { keptCorpId, keptRead, type DataTopic, type KeptCorp } from './keptReads';

/** The userids with a row in `entity` (its `corp_id` and `userid` columns) in the corp; one query when not kept. */
export function peopleWithRows(ds: DataSource, corp: KeptCorp, topic: DataTopic, entity: EntityTarget<ObjectLiteral>): Promise<ReadonlySet<string>> {
  const corpId = keptCorpId(corp);
  const table = ds.getMetadata(entity).tableName;
  return keptRead(ds, corp, [topic], ['peopleWithRows', table], async () => {
    // tenancy: the corp's rows.
    const rows = await ds
      .getRepository(entity)
      .createQueryBuilder('t')
      .select('DISTINCT t.userid', 'userid')
      .where('t.corp_id = :corpId', { corpId })
      .getRawMany<{ userid: string }>();
    return new Set(rows.map((r) => r.userid));
  });
}
