/**
 * 申诉 on 发放批次 (HR, admins): the open disputes of people within my departments — the line, what was paid, what
 * the employee expected and why — each answered with 调整 (an adjustment line in the person's next run, by default
 * the difference asked for) or 驳回, with the reason.
 */
import { useCallback, useEffect, useState } from 'react';
import { periodText, type PayoutDisputeView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import { errorMessage } from '../api/client';
import { listDisputes, resolveDisputeCall } from '../api/payEndpoints';
import { yuanText } from './PayoutLines';

function DisputeItem({ d, onDone }: { d: PayoutDisputeView; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const resolve = async (decision: 'adjust' | 'reject') => {
    setBusy(decision);
    setError(null);
    try {
      await resolveDisputeCall(d.id, { decision, note, ...(decision === 'adjust' && amount.trim() ? { amountCny: amount.trim() } : {}) });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <li className="payout-line" data-testid={`dispute-${d.id}`}>
      <div className="payout-line-head">
        <span className="payout-line-label">
          {d.person.name} · {periodText(d.period)} · {d.line?.label ?? ''}
        </span>
        <span className="payout-line-amount">
          {yuanText(d.actualFen)} → {yuanText(d.expectedFen)}
        </span>
      </div>
      <div className="payout-line-explain">{d.line?.explanation}</div>
      <div className="payout-line-explain">申诉理由：{d.reason}</div>
      <div className="dispute-form">
        <Input value={note} onChange={setNote} placeholder="处理理由（必填）" data-testid="dispute-note" />
        <Input
          value={amount}
          onChange={setAmount}
          placeholder={`调整金额（元），默认 ${yuanText(d.differenceFen)}`}
          inputMode="decimal"
          data-testid="dispute-amount"
        />
        {error && (
          <div className="inline-error" role="alert" data-testid="dispute-resolve-error">
            {error}
          </div>
        )}
        <div className="run-actions">
          <Button size="small" color="primary" loading={busy === 'adjust'} onClick={() => void resolve('adjust')} data-testid="dispute-adjust">
            调整（下期发放）
          </Button>
          <Button size="small" loading={busy === 'reject'} onClick={() => void resolve('reject')} data-testid="dispute-reject">
            驳回
          </Button>
        </div>
      </div>
    </li>
  );
}

export function DisputesCard() {
  const [disputes, setDisputes] = useState<PayoutDisputeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDisputes(await listDisputes('open'));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="card" data-testid="disputes">
      <div className="card-head">
        <h2>待处理的申诉</h2>
        {disputes && <span className="muted small">{disputes.length} 条</span>}
      </div>
      {error && <div className="inline-error">申诉加载失败：{error}</div>}
      {disputes?.length === 0 && (
        <div className="empty-text" data-testid="disputes-empty">
          没有待处理的申诉。
        </div>
      )}
      {disputes && disputes.length > 0 && (
        <ul className="payout-lines">
          {disputes.map((d) => (
            <DisputeItem key={d.id} d={d} onDone={() => void load()} />
          ))}
        </ul>
      )}
    </section>
  );
}
