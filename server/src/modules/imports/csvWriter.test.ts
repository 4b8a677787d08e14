import { csvLine, neutralizeCell } from './csvWriter';

describe('CSV writing', () => {
  it.each(['=1+1', '+86 123', '-5', '@SUM(A1)', '\t=1', '\r=1'])('neutralises the formula-looking %j with an apostrophe', (v) => {
    expect(neutralizeCell(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text alone and quotes what needs quoting', () => {
    expect(neutralizeCell('华东')).toBe('华东');
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', '=1+1'])).toBe('"a,b","say ""hi""","x\ny",\'=1+1\r\n');
  });
});
