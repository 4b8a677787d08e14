/** Payout lines: what each component pays and the arithmetic behind it. */
import { fenToYuanText, type PayoutLine } from '@liucai/shared';

export const yuanText = (fen: number): string => `${fen < 0 ? '−' : ''}${fenToYuanText(Math.abs(fen))} 元`;

/** What a list of lines shows of each: the simulator's lines and a statement's alike. */
export type ShownLine = Pick<PayoutLine, 'component' | 'label' | 'amountFen' | 'explanation'>;

export function PayoutLines({ lines, testId }: { lines: readonly ShownLine[]; testId: string }) {
  return (
    <ul className="payout-lines" data-testid={testId}>
      {lines.map((l, i) => (
        <li
          key={`${l.component}-${i}`}
          className={l.amountFen < 0 ? 'payout-line negative' : l.amountFen === 0 ? 'payout-line zero' : 'payout-line'}
          data-testid={`${testId}-line`}
          data-component={l.component}
        >
          <div className="payout-line-head">
            <span className="payout-line-label">{l.label}</span>
            <span className="payout-line-amount" data-testid={`${testId}-amount`}>
              {yuanText(l.amountFen)}
            </span>
          </div>
          <div className="payout-line-explain" data-testid={`${testId}-explain`}>
            {l.explanation}
          </div>
        </li>
      ))}
    </ul>
  );
}
