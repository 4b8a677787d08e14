import { csvRows } from './csvRows';
import { decodeCsvText } from './csvDecoder';

async function parse(chunks: string[]) {
  async function* src() {
    yield* chunks;
  }
  const out: { row: number; cells: string[] }[] = [];
  for await (const r of csvRows(src())) out.push({ row: r.row, cells: r.cells as string[] });
  return out;
}

async function decode(bytes: Buffer[]): Promise<string> {
  async function* src() {
    yield* bytes;
  }
  let text = '';
  for await (const t of decodeCsvText(src())) text += t;
  return text;
}

describe('csvRows', () => {
  it('reads plain rows with CRLF, LF and a missing final newline', async () => {
    expect(await parse(['a,b\r\n1,2\n3,4'])).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ]);
  });

  it('handles quotes, escaped quotes, commas and line breaks inside quotes, numbering by record', async () => {
    const rows = await parse(['名称,备注\r\n"华东, 有限公司","他说""好""\r\n第二行"\r\nx,y\r\n']);
    expect(rows).toEqual([
      { row: 1, cells: ['名称', '备注'] },
      { row: 2, cells: ['华东, 有限公司', '他说"好"\r\n第二行'] },
      { row: 3, cells: ['x', 'y'] },
    ]);
  });

  it('is not confused by chunk boundaries inside quotes, escapes and CRLF', async () => {
    const text = 'a,"b""c"\r\n"multi\nline",2\r\n';
    const whole = await parse([text]);
    for (let i = 1; i < text.length; i++) expect(await parse([text.slice(0, i), text.slice(i)])).toEqual(whole);
    expect(await parse(text.split(''))).toEqual(whole);
  });

  it('keeps empty cells and empty lines, and treats a lone CR as a line end', async () => {
    expect(await parse([',x,\r\r\n'])).toEqual([
      { row: 1, cells: ['', 'x', ''] },
      { row: 2, cells: [''] },
    ]);
  });

  it('refuses an unclosed quote, naming the row it started on', async () => {
    await expect(parse(['a\r\n"open,1\r\n2,3\r\n'])).rejects.toThrow('第 2 行：双引号没有闭合');
  });

  it('strips a UTF-8 BOM and reads GB18030 (Excel on Chinese Windows) when the bytes are not UTF-8', async () => {
    expect(await decode([Buffer.from('\uFEFF合同编号,客户名称\r\n', 'utf8')])).toBe('合同编号,客户名称\r\n');
    const gbk = Buffer.from([0xba, 0xcf, 0xcd, 0xac, 0xb1, 0xe0, 0xba, 0xc5]); // 合同编号 in GBK
    expect(await decode([gbk])).toBe('合同编号');
    const utf8 = Buffer.from('合同编号', 'utf8');
    expect(await decode([utf8.subarray(0, 4), utf8.subarray(4)])).toBe('合同编号');
  });
});

describe('csvRows limits', () => {
  it('stops reading at the first cell over the limit: a 49 MB cell costs one chunk, not the file', async () => {
    const CHUNK = 64 * 1024;
    let read = 0;
    async function* bigCell() {
      yield '合同编号,客户名称\r\nHT-1,"';
      for (let i = 0; i < (49 * 1024 * 1024) / CHUNK; i++) {
        read += CHUNK;
        yield 'x'.repeat(CHUNK);
      }
      yield '"\r\n';
    }
    const rows = csvRows(bigCell());
    await expect(
      (async () => {
        for await (const _ of rows) void _;
      })(),
    ).rejects.toMatchObject({ id: 'import_cell_too_large', status: 400, details: { row: 2, column: '客户名称' } });
    expect(read).toBeLessThanOrEqual(CHUNK); // the first chunk already crossed 32 KB
  });

  it('refuses a row over its character limit and a row with too many columns, naming the row', async () => {
    const limits = { maxCellChars: 10, maxRowChars: 25, maxColumns: 4 };
    const read = async (text: string) => {
      async function* src() {
        yield text;
      }
      const out = [];
      for await (const r of csvRows(src(), limits)) out.push(r);
      return out;
    };
    await expect(read('a,b\r\n0123456789,0123456789,0123456789\r\n')).rejects.toMatchObject({ id: 'import_row_too_large', details: { row: 2 } });
    await expect(read('a,b\r\n1,2,3,4,5\r\n')).rejects.toMatchObject({ id: 'import_row_too_large', message: expect.stringContaining('第 2 行超过 4 列') });
    await expect(read('a,b\r\n1,"01234567890"\r\n')).rejects.toMatchObject({
      details: { row: 2, column: 'b' },
      message: expect.stringContaining('第 2 行 B 列“b”'),
    });
    expect(await read('a,b\r\n0123456789,"0123""45678"\r\n')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['0123456789', '0123"45678'] },
    ]);
  });
});
