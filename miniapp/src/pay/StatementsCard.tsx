/**
 * 我的激励 → 激励明细: my published statements (month, total), this year's total, and one statement's lines with what
 * each was computed from; any line can be disputed with a reason and the amount I expected. Given `person` (员工档案
 * → 激励 as HR), that person's statements in the runs of HR's departments, read only (each read audited).
 */
import { useCallback, useEffect, useState } from 'react';
import {
  PAYOUT_RUN_STATUSES,
  periodText,
  zh,
  type MyPayoutStatements,
  type PayoutDisputeView,
  type PayoutLineView,
  type PayoutStatementView,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import TextArea from 'antd-mobile/es/components/text-area';
import { errorMessage } from '../api/client';
import { disputeLine, getMyDisputes, getMyStatement, getMyStatements, getPersonStatements, getRunStatement } from '../api/payEndpoints';
import { yuanText } from './PayoutLines';
import { useSession } from '../session/SessionContext';
import './pay.css';

const ORIGIN = { plan: '', clawback: '追回', adjustment: '调整' } as const;

function DisputeForm({ statementId, line, onDone }: { statementId: number; line: PayoutLineView; onDone: (d: PayoutDisputeView) => void }) {
  const [reason, setReason] = useState('');
  const [expected, setExpected] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await disputeLine(statementId, { lineId: line.id, reason, expectedAmountCny: expected }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dispute-form" data-testid={`dispute-form-${line.id}`}>
      <div className="sim-field">
        <span className="sim-field-label">申诉理由</span>
        <TextArea
          value={reason}
          onChange={setReason}
          placeholder="如：本月与技术部协作 9 次，少算了 1 次"
          rows={2}
          maxLength={500}
          data-testid="dispute-reason"
        />
      </div>
      <div className="sim-field">
        <span className="sim-field-label">期望金额（元）</span>
        <Input value={expected} onChange={setExpected} placeholder="如 1800" inputMode="decimal" data-testid="dispute-expected" />
      </div>
      {error && (
        <div className="inline-error" data-testid="dispute-error">
          {error}
        </div>
      )}
      <Button size="small" color="primary" loading={busy} onClick={() => void submit()} data-testid="dispute-submit">
        提交申诉
      </Button>
    </div>
  );
}

function StatementLines({
  statement,
  disputes,
  onDisputed,
}: {
  statement: PayoutStatementView;
  disputes: PayoutDisputeView[];
  /** Absent: the lines are read only (someone else's statement). */
  onDisputed?: (d: PayoutDisputeView) => void;
}) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <ul className="payout-lines" data-testid="statement-lines">
      {statement.lines.map((l) => {
        const dispute = disputes.find((d) => d.line?.id === l.id);
        return (
          <li
            key={l.id}
            className={l.amountFen < 0 ? 'payout-line negative' : l.amountFen === 0 ? 'payout-line zero' : 'payout-line'}
            data-testid="statement-line"
            data-component={l.component}
          >
            <div className="payout-line-head">
              <span className="payout-line-label">
                {l.label}
                {ORIGIN[l.origin] && <span className="plan-rule-kind statement-origin">{ORIGIN[l.origin]}</span>}
              </span>
              <span className="payout-line-amount" data-testid="statement-line-amount">
                {yuanText(l.amountFen)}
              </span>
            </div>
            <div className="payout-line-explain" data-testid="statement-line-explain">
              {l.explanation}
            </div>
            <div className="statement-line-foot">
              {!onDisputed ? null : dispute ? (
                <span className="muted small" data-testid="statement-line-dispute">
                  已申诉（期望 {yuanText(dispute.expectedFen)}）：{dispute.statusLabel}
                  {dispute.resolution ? `，${dispute.resolution}` : ''}
                </span>
              ) : (
                <span
                  className="link small"
                  role="button"
                  tabIndex={0}
                  onClick={() => setOpen(open === l.id ? null : l.id)}
                  data-testid="statement-line-dispute-open"
                >
                  {open === l.id ? '收起' : '有疑问？申诉'}
                </span>
              )}
            </div>
            {open === l.id && !dispute && onDisputed && (
              <DisputeForm
                statementId={statement.id}
                line={l}
                onDone={(d) => {
                  setOpen(null);
                  onDisputed(d);
                }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

type StatementRef = MyPayoutStatements['statements'][number];

export function StatementsCard({ person: wanted }: { person?: string } = {}) {
  const { me } = useSession();
  // One's own statements are 我的激励's, disputes included, wherever they are opened.
  const person = wanted && wanted !== me.userid ? wanted : undefined;
  const [list, setList] = useState<MyPayoutStatements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<PayoutStatementView | null>(null);
  const [disputes, setDisputes] = useState<PayoutDisputeView[]>([]);
  const detail = useCallback((s: StatementRef) => (person ? getRunStatement(s.runId, person) : getMyStatement(s.id)), [person]);
  const load = useCallback(async () => {
    setError(null);
    try {
      const [found, ds] = await Promise.all([person ? getPersonStatements(person) : getMyStatements(), person ? [] : getMyDisputes()]);
      setList(found);
      setDisputes(ds);
      const first = found.statements[0];
      if (first) setSelected(await detail(first));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [person, detail]);
  useEffect(() => {
    void load();
  }, [load]);
  const pick = async (s: StatementRef) => {
    try {
      setSelected(await detail(s));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="card" data-testid="statements">
      <div className="card-head">
        <h2>激励明细</h2>
        {list && (
          <span className="muted small" data-testid="statements-ytd">
            {list.yearToDate.year} 年累计 {yuanText(list.yearToDate.totalFen)}
          </span>
        )}
      </div>
      {error && <div className="inline-error">激励明细加载失败：{error}</div>}
      {list && list.statements.length === 0 && (
        <div className="empty-text" data-testid="statements-empty">
          {person ? '还没有激励明细：发放批次计算后出现在这里。' : '还没有已发布的激励明细。HR 发布每月的发放批次后，你可以在这里逐项核对。'}
        </div>
      )}
      {list && list.statements.length > 0 && (
        <div className="statement-periods" data-testid="statement-periods">
          {list.statements.map((s) => (
            <button
              key={s.id}
              type="button"
              className={selected?.id === s.id ? 'statement-period active' : 'statement-period'}
              onClick={() => void pick(s)}
              data-testid={`statement-period-${s.period}`}
            >
              <span>
                {periodText(s.period)}
                {s.runStatus !== 'published' && <span className="muted small">（{PAYOUT_RUN_STATUSES[s.runStatus]}）</span>}
              </span>
              <strong>{yuanText(s.totalFen)}</strong>
            </button>
          ))}
        </div>
      )}
      {selected && (
        <div className="statement" data-testid="statement">
          <div className="statement-total">
            <span>{zh`${periodText(selected.period)}合计`}</span>
            <strong data-testid="statement-total">{yuanText(selected.totalFen)}</strong>
          </div>
          <StatementLines statement={selected} disputes={disputes} onDisputed={person ? undefined : (d) => setDisputes([d, ...disputes])} />
          <div className="muted small sim-sum" data-testid="statement-sum">
            合计：{selected.explanation}
          </div>
        </div>
      )}
    </section>
  );
}
