import { customerSegment, DEFAULT_SEGMENT_THRESHOLDS } from './customerSegments';

const deals = (...cny: number[]) => cny.map((n) => ({ amountFen: n * 100 }));
const seg = (...cny: number[]) => customerSegment(deals(...cny), DEFAULT_SEGMENT_THRESHOLDS);

describe('customerSegment (3,000 / 10,000 CNY by default)', () => {
  it('has no segment before the first deal', () => {
    expect(seg()).toBeNull();
  });

  it('is small below 10,000 and big from 10,000 up (the threshold itself is big)', () => {
    expect(seg(2990)).toBe('small');
    expect(seg(3000)).toBe('small');
    expect(seg(9999.99)).toBe('small');
    expect(seg(10000)).toBe('big');
    expect(seg(150000)).toBe('big');
  });

  it('keeps a big client big when a later deal falls in between, and makes it small again below 3,000', () => {
    expect(seg(12000, 8000)).toBe('big');
    expect(seg(12000, 8000, 3000)).toBe('big');
    expect(seg(12000, 2999.99)).toBe('small');
    expect(seg(2000, 5000)).toBe('small');
    expect(seg(2000, 5000, 10000)).toBe('big');
  });

  it('uses the configured thresholds', () => {
    const t = { smallDealFen: 500_000, bigDealFen: 5_000_000 };
    expect(customerSegment(deals(12000), t)).toBe('small');
    expect(customerSegment(deals(50000, 4000), t)).toBe('small');
    expect(customerSegment(deals(50000, 6000), t)).toBe('big');
  });
});
