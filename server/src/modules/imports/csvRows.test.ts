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
