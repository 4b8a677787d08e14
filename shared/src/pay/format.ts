/** How pay figures read in explanations: yuan with two decimals, percentages from basis points, scores in tenths. */
import { fenToYuanText } from '../money';
import { scaledText } from './exactDecimal';

/** 15000000 → "150,000.00 元". */
export const yuan = (fen: number): string => `${fenToYuanText(fen)} 元`;

/** Basis points as a percentage: 80 → "0.8%", 100 → "1%", 125 → "1.25%", 10000 → "100%". */
export const bpPercent = (bp: number): string => `${scaledText(bp, 2)}%`;

/** A score kept in tenths: 92 → "9.2", 90 → "9". */
export const tenths = (t: number): string => scaledText(t, 1);

/** Line amounts as a sum: [120000, 500000, -60000] → "1,200.00 + 5,000.00 − 600.00". */
export function sumText(amounts: readonly number[]): string {
  return amounts
    .map((fen, i) => {
      const abs = fenToYuanText(Math.abs(fen));
      if (i === 0) return fen < 0 ? `−${abs}` : abs;
      return fen < 0 ? `− ${abs}` : `+ ${abs}`;
    })
    .join(' ');
}
