/**
 * 申诉 on 发放批次 (HR, admins): the open disputes of people within my departments — the line, what was paid, what
 * the employee expected and why — each answered with 调整 (an adjustment line in the person's next run, by default
 * the difference asked for) or 驳回, with the reason. `DisputeItem` is also the 申诉 page's row, where resolved
 * disputes show how they were answered.
 */
import { useCallback, useEffect, useState } from 'react';
import { periodText, zh, type PayoutDisputeView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { listDisputes, resolveDisputeCall } from '../api/payEndpoints';
import { yuanText } from './PayoutLines';

const STATUS_COLOR: Record<PayoutDisputeView['status'], 'warning' | 'success' | 'default'> = { open: 'warning', adjusted: 'success', rejected: 'default' };
const shortTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }).replace(/:\d\d$/, '') : '');

/** How a resolved dispute was answered: the reason, the adjustment and where it is paid, by whom and when. */
function DisputeOutcome({ d }: { d: PayoutDisputeView }) {
  const paid = d.adjustment
    ? d.adjustment.appliedRunId !== null
      ? zh`调整 ${yuanText(d.adjustment.amountFen)}，已计入发放批次 #${d.adjustment.appliedRunId}`
      : zh`调整 ${yuanText(d.adjustment.amountFen)}，下期发放`
    : null;
  return (
    <div className="dispute-outcome" data-testid="dispute-outcome">
      {paid && <div className="payout-line-explain">{paid}</div>}
      <div className="payout-line-explain">处理理由：{d.resolution}</div>
      <div className="muted small">{[d.resolvedBy?.name, shortTime(d.resolvedAt)].filter(Boolean).join(' · ')}</div>
    </div>
  );
}

export function DisputeItem({ d, onDone, showStatus = false }: { d: PayoutDisputeView; onDone: () => void; showStatus?: boolean }) {
  return (
    <li className="payout-line" data-testid={`dispute-${d.id}`} data-status={d.status}>
      <div className="payout-line-head">
        <span className="payout-line-label">
          {showStatus && (
            <Tag color={STATUS_COLOR[d.status]} fill="outline" className="dispute-status" data-testid="dispute-status">
              {d.statusLabel}
            </Tag>
          )}
          {d.person.name} · {periodText(d.period)} · {d.line?.label ?? ''}
        </span>
        <span className="payout-line-amount">
          {yuanText(d.actualFen)} → {yuanText(d.expectedFen)}
        </span>
      </div>
      <div className="payout-line-explain">{d.line?.explanation}</div>
      <div className="payout-line-explain">申诉理由：{d.reason}</div>
      {d.status === 'open' ? <DisputeForm d={d} onDone={onDone} /> : <DisputeOutcome d={d} />}
    </li>
  );
}

function DisputeForm({ d, onDone }: { d: PayoutDisputeView; onDone: () => void }) {
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
        <span className="muted small">
          {disputes && `${disputes.length} 条 · `}
          <a className="link" href="#/payout-disputes" data-testid="disputes-all">
            全部申诉
          </a>
        </span>
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
