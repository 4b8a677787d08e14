import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { xlsxRows, zipEndsWhenRead, type XlsxNotes } from './xlsxRows';

/** What the test reads of exceljs's own zip parser (unzipper, a dependency of exceljs) and of an entry it lists. */
type ZipEntry = { path: string; autodrain(): unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper = require('unzipper') as { Parse(opts: { forceStream: boolean }): NodeJS.ReadWriteStream };
// The loop exceljs's streaming reader walks the zip's entries with (what loses entries when the list ends early).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iterateStream = require('exceljs/lib/utils/iterate-stream') as (s: NodeJS.ReadableStream) => AsyncIterable<ZipEntry>;

/** An upload as HTTP delivers it: 1 KB chunks, every other read given a turn of the event loop between chunks. */
function upload(file: Buffer, yieldBetweenChunks: boolean): PassThrough {
  const stream = new PassThrough();
  void (async () => {
    for (let o = 0; o < file.length; o += 1024) {
      stream.write(file.subarray(o, o + 1024));
      if (yieldBetweenChunks) await new Promise((r) => setImmediate(r));
    }
    stream.end();
  })();
  return stream;
}

/**
 * exceljs writes `xl/workbook.xml` last and its worksheets before the shared strings, so its streaming reader spools
 * them to temp files and deletes each once the reader moves past it. A sheet we skip without reading used to be
 * deleted before its read stream opened it: about one read in 300 raised ENOENT from a stream nobody listened to (an
 * uncaught exception that ends the process; in a request, a 500). Our own templates are written by exceljs, and so are
 * files saved by other tools built on it. The zip parser also ended its list of entries as soon as every byte had
 * arrived, losing the workbook or its shared strings when the reader was still busy (a TypeError about once in 300
 * reads on a loaded machine): `zipEndsWhenRead`, tested on its own below.
 */
describe('.xlsx uploads with more than one sheet', () => {
  it('reads the first sheet and passes the others, 300 times in a row without an error', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('合同');
    first.addRow(['合同编号', '客户名称']);
    first.addRow(['X-100', '东方电气']);
    first.addRow(['X-101', { formula: 'SUM(1,2)' }]);
    wb.addWorksheet('说明').addRow(['第二个工作表', '不导入']);
    wb.addWorksheet('备注').addRow(['第三个工作表']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    // Only the failure this guards against counts (the worker's process may carry other suites' stray errors).
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => {
      if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') uncaught.push(err);
    };
    process.on('uncaughtException', onUncaught);
    try {
      for (let i = 0; i < 300; i++) {
        const notes: XlsxNotes = { skippedSheets: 0, sheetName: null };
        const rows: unknown[][] = [];
        for await (const r of xlsxRows(upload(file, i % 2 === 1), notes)) rows.push(r.cells);
        expect({ i, rows, notes }).toEqual({
          i,
          rows: [
            ['合同编号', '客户名称'],
            ['X-100', '东方电气'],
            ['X-101', { formula: 'SUM(1,2)' }],
          ],
          notes: { skippedSheets: 2, sheetName: '合同' },
        });
      }
      // A stream's error event fires on a later turn: give the last reads' temp files time to be opened.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  }, 120_000);

  it('the zip parser lists every entry to a reader that is still busy with the first when the upload has ended', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['合同', '说明', '备注']) wb.addWorksheet(name).addRow([name]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const entries = async (keep: boolean) => {
      const input = new PassThrough();
      const zip = unzipper.Parse({ forceStream: true });
      (keep ? zipEndsWhenRead(input) : input).pipe(zip);
      input.end(file);
      const paths: string[] = [];
      for await (const entry of iterateStream(zip)) {
        paths.push(entry.path);
        // Busy with the first entry (exceljs spools a worksheet to a temp file) until every byte has arrived: the
        // parser's writable side has finished (waited for, not timed: on a loaded machine 50 ms was sometimes not enough).
        const writable = zip as unknown as Writable;
        if (paths.length === 1 && !writable.writableFinished) await new Promise((r) => writable.once('finish', r));
        if (paths.length === 1) await new Promise((r) => setImmediate(r));
        entry.autodrain();
      }
      return paths;
    };
    const all = await entries(true);
    expect(all).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']));
    // Without it the list ended after the first entry.
    expect((await entries(false)).length).toBeLessThan(all.length);
  });
});
