import { openTestDb } from '../../../../test/support/testServices';
import { buildCorp, buildImportRun } from '../../../../test/support/factories';
import { ImportRejection } from '../../entities';
import { rejectionCsv } from './rejectionCsv';
import { runRejectionSink } from './rejectionSink';

describe('rejectionCsv', () => {
  it('writes one line per source row with all its errors, even when a row’s errors straddle a page', async () => {
    const ds = await openTestDb();
    try {
      const corpId = await buildCorp(ds, 'rejcsv');
      const run = await buildImportRun(ds, corpId, { createdBy: 'u1', fileHeaders: JSON.stringify(['合同编号', '金额']) });
      const sink = runRejectionSink(ds, corpId, run.id);
      // 999 one-error rows, then a row whose two errors fall on either side of the 1,000-row page.
      for (let r = 2; r <= 1000; r++) await sink.add([{ row: r, column: '金额', value: 'x', message: '应为金额' }], [`HT-${r}`, 'x']);
      await sink.add(
        [
          { row: 1001, column: '合同编号', value: '=1', message: '像公式' },
          { row: 1001, column: '金额', value: '-1', message: '不能为负' },
        ],
        ['=1', '-1'],
      );
      await sink.finish();
      expect(await ds.getRepository(ImportRejection).countBy({ runId: run.id })).toBe(1001);
      let text = '';
      for await (const part of rejectionCsv(ds, run)) text += part;
      const lines = text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('行号,错误说明,合同编号,金额');
      expect(lines).toHaveLength(1 + 1000);
      expect(lines[1]).toBe('2,金额：应为金额,HT-2,x');
      expect(lines[1000]).toBe("1001,合同编号：像公式；金额：不能为负,'=1,'-1");
    } finally {
      await ds.destroy();
    }
  });
});
