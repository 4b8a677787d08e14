/**
 * One answer sheet, phone first: a sticky bar with progress and the countdown (from the server's clock), every item
 * below. Each answer is saved a moment after it changes (and on “保存进度”); opening the sheet again resumes it. The
 * server decides what is late: its Chinese error is shown as it says.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { QUESTION_KIND_LABELS, zh, type AnswerSheet, type AnswerValue, type SheetItem } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Dialog from 'antd-mobile/es/components/dialog';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { saveSheet, submitSheet } from '../api/assessmentEndpoints';
import { TASK_STATE_TEXT, percent, timeLeft } from './assessmentDisplay';

const LIKERT = ['非常不符合', '不太符合', '一般', '比较符合', '非常符合'];
const answered = (v: AnswerValue | undefined) => v !== undefined && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

export function AnswerSheetView({ initial, onDone }: { initial: AnswerSheet; onDone: () => void }) {
  const [sheet, setSheet] = useState(initial);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(initial.answers);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const offset = useRef(Date.parse(initial.serverNow) - Date.now());
  const timer = useRef<number | null>(null);
  const editable = sheet.task.state === 'new' || sheet.task.state === 'inProgress';
  const deadline = sheet.task.deadlineAt ? Date.parse(sheet.task.deadlineAt) : null;
  const left = deadline === null ? null : deadline - (now + offset.current);

  useEffect(() => {
    if (deadline === null || !editable) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [deadline, editable]);

  const save = useCallback(
    async (next: Record<string, AnswerValue>) => {
      setSaving('saving');
      try {
        setSheet(await saveSheet(sheet.task.responseId, next));
        setSaving('saved');
        setError(null);
      } catch (err) {
        setSaving('error');
        setError(errorMessage(err));
      }
    },
    [sheet.task.responseId],
  );

  const change = (id: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setAnswers(next);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(next), 800);
  };
  useEffect(() => () => (timer.current !== null ? window.clearTimeout(timer.current) : undefined), []);

  const submit = async () => {
    const ok = await Dialog.confirm({ content: '提交后不能再修改，确定提交吗？', confirmText: '提交', cancelText: '再看看' });
    if (!ok) return;
    if (timer.current !== null) window.clearTimeout(timer.current);
    try {
      setSheet(await submitSheet(sheet.task.responseId, answers));
      Toast.show({ icon: 'success', content: '已提交' });
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const done = sheet.items.filter((i) => answered(answers[i.id])).length;
  const about = sheet.task.role === 'supervisor' ? `评价下属：${sheet.task.subject.name}` : '自评';
  return (
    <div data-testid="answer-sheet">
      <div className="assess-sheet-bar">
        <span className="assess-meta" data-testid="sheet-progress">
          {done}/{sheet.items.length}
        </span>
        <ProgressBar percent={percent(done, sheet.items.length)} />
        {left !== null && editable && (
          <span className="assess-timer" data-testid="sheet-timer">
            剩余 {timeLeft(left)}
          </span>
        )}
        {!editable && <Tag color="default">{TASK_STATE_TEXT[sheet.task.state]}</Tag>}
      </div>
      <section className="card">
        <div className="assess-task-title">{sheet.task.title}</div>
        <div className="assess-meta">
          {sheet.task.questionnaireName} · {about} · 截止 {sheet.task.dueOn}
          {sheet.task.timeLimitMinutes ? ` · 限时 ${sheet.task.timeLimitMinutes} 分钟` : ''}
        </div>
        {sheet.intro && <p className="assess-item-text">{sheet.intro}</p>}
        {sheet.task.state === 'submitted' && (
          <div className="assess-meta" data-testid="sheet-submitted">
            已于 {new Date(sheet.task.submittedAt!).toLocaleString('zh-CN', { hour12: false })} 提交，感谢作答。
          </div>
        )}
      </section>
      {sheet.items.map((item, n) => (
        <Item key={item.id} item={item} n={n + 1} value={answers[item.id]} disabled={!editable} onChange={(v) => change(item.id, v)} />
      ))}
      {error && (
        <div className="inline-error" data-testid="sheet-error">
          {error}
        </div>
      )}
      <div className="assess-actions">
        <Button onClick={onDone}>返回列表</Button>
        {editable && (
          <>
            <Button onClick={() => void save(answers)} loading={saving === 'saving'}>
              保存进度
            </Button>
            <Button color="primary" onClick={() => void submit()} data-testid="sheet-submit">
              提交
            </Button>
          </>
        )}
      </div>
      {editable && (
        <div className="assess-meta" data-testid="sheet-saved">
          {saving === 'saved' ? '进度已保存' : saving === 'error' ? '保存失败，请重试' : '作答后自动保存'}
        </div>
      )}
    </div>
  );
}

function Item({
  item,
  n,
  value,
  disabled,
  onChange,
}: {
  item: SheetItem;
  n: number;
  value: AnswerValue | undefined;
  disabled: boolean;
  onChange: (v: AnswerValue | undefined) => void;
}) {
  const options = item.options ?? [];
  return (
    <section className="card" data-testid={`item-${item.id}`}>
      <div>
        <Tag className="assess-item-kind" color="primary" fill="outline">
          {QUESTION_KIND_LABELS[item.kind]}
        </Tag>
        <span className="assess-meta">
          {zh`第 ${n} 题`}
          {item.required ? '' : '（选填）'}
        </span>
      </div>
      <div className="assess-item-text">{item.text}</div>
      {(item.kind === 'single' || item.kind === 'situational') &&
        options.map((o) => (
          <button key={o.id} type="button" disabled={disabled} className={`assess-option${value === o.id ? ' chosen' : ''}`} onClick={() => onChange(o.id)}>
            {o.text}
          </button>
        ))}
      {item.kind === 'multiple' &&
        options.map((o) => {
          const chosen = Array.isArray(value) && value.includes(o.id);
          const list = Array.isArray(value) ? value : [];
          return (
            <button
              key={o.id}
              type="button"
              disabled={disabled}
              className={`assess-option${chosen ? ' chosen' : ''}`}
              onClick={() => {
                const next = chosen ? list.filter((x) => x !== o.id) : [...list, o.id];
                onChange(next.length ? next : undefined);
              }}
            >
              {chosen ? '☑ ' : '☐ '}
              {o.text}
            </button>
          );
        })}
      {item.kind === 'likert' && (
        <>
          <div className="assess-likert">
            {[1, 2, 3, 4, 5].map((v) => (
              <button
                key={v}
                type="button"
                disabled={disabled}
                className={`assess-option${value === v ? ' chosen' : ''}`}
                onClick={() => onChange(v)}
                aria-label={LIKERT[v - 1]}
              >
                {v}
              </button>
            ))}
          </div>
          <div className="assess-likert-ends">
            <span>{LIKERT[0]}</span>
            <span>{LIKERT[4]}</span>
          </div>
        </>
      )}
      {item.kind === 'text' && (
        <textarea
          className="assess-textarea"
          disabled={disabled}
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          placeholder="请输入"
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      )}
    </section>
  );
}
