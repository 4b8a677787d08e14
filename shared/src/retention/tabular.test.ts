import { parseCsv, prepareTabular } from './tabular';

describe('CSV to training set', () => {
  it('parses quotes, CRLF and a byte-order mark', () => {
    const { header, rows } = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n1,2\n');
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });

  it('drops constant and identifier columns, one-hots categoricals and (optionally) ordinal columns', () => {
    const header = ['Id', 'Left', 'Dept', 'Sat', 'Const', 'Income'];
    const rows = [
      ['1', 'Yes', 'Sales', '1', '80', '1000'],
      ['2', 'No', 'R&D', '2', '80', '2000'],
      ['3', 'No', 'Sales', '2', '80', '1500'],
      ['4', 'Yes', 'HR', '1', '80', '1000'],
    ];
    const set = prepareTabular(header, rows, { target: 'Left', positive: 'Yes' });
    expect(set.labels).toEqual([1, 0, 0, 1]);
    expect(set.dropped).toEqual([
      { column: 'Id', why: 'identifier' },
      { column: 'Const', why: 'constant' },
    ]);
    expect(set.features).toEqual(['Dept=HR', 'Dept=R&D', 'Dept=Sales', 'Sat', 'Income']);
    expect(set.rows[1]).toEqual([0, 1, 0, 2, 2000]);
    const ordinal = prepareTabular(header, rows, { target: 'Left', positive: 'Yes', oneHotNumericUpTo: 2 });
    expect(ordinal.features).toEqual(['Dept=HR', 'Dept=R&D', 'Dept=Sales', 'Sat', 'Sat=1', 'Sat=2', 'Income']);
    expect(() => prepareTabular(header, rows, { target: 'Attrition', positive: 'Yes' })).toThrow('Attrition');
  });
});
