/**
 * HR edits a questionnaire's draft with the question form (or, for bulk edits, as its JSON definition), sees the
 * draft's problems as it types (the same check the server runs), saves it (the server answers every problem in
 * Chinese, naming the item) and publishes it; a published version is copied to a new draft first, since it never
 * changes. New questionnaires start from a one-item draft.
 */
import { useMemo, useState } from 'react';
import { validateQuestionnaire, zh, type QuestionnaireDefinition, type QuestionnaireView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Toast from 'antd-mobile/es/components/toast';
import { ApiError, errorMessage } from '../api/client';
import {
  copyQuestionnaireVersion,
  createQuestionnaire,
  createQuestionnaireVersion,
  publishQuestionnaireVersion,
  updateQuestionnaireVersion,
} from '../api/assessmentEndpoints';
import { QuestionForm } from './QuestionForm';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** A new draft starts today, or the day after the newest published version starts when that is today or later. */
function nextStart(q: QuestionnaireView): string {
  const starts = q.versions.filter((v) => v.status === 'published').map((v) => v.effectiveFrom);
  const last = starts.sort().at(-1);
  if (!last || last < today()) return today();
  return new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
const STARTER: QuestionnaireDefinition = {
  items: [{ id: 'q1', kind: 'likert', text: '请填写题干：我能准确说出客户真正在意的问题。', dimensions: ['customerInsight'] }],
};

/** The server's problems, one a line (the message alone when there are none). */
function problemsOf(err: unknown): string[] {
  const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as { message?: string }[]) : [];
  const lines = details.map((d) => d.message).filter((m): m is string => !!m);
  return lines.length > 0 ? lines : [errorMessage(err)];
}

export function QuestionnaireDraftEditor({ q, onChanged }: { q: QuestionnaireView; onChanged: () => void }) {
  const draft = q.versions.find((v) => v.status === 'draft');
  const newest = q.versions[0];
  const [def, setDef] = useState<QuestionnaireDefinition>(() => (draft?.definition ?? newest?.definition ?? STARTER) as QuestionnaireDefinition);
  const [json, setJson] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const live = useMemo(() => {
    const v = validateQuestionnaire(def);
    return v.ok ? [] : v.problems.map((p) => p.message);
  }, [def]);
  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      setProblems([]);
      Toast.show({ icon: 'success', content: done });
      onChanged();
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setBusy(false);
    }
  };
  /** The JSON text as the definition, or an error naming what is wrong with it. */
  const parseJson = (text: string): QuestionnaireDefinition => {
    try {
      return JSON.parse(text) as QuestionnaireDefinition;
    } catch {
      throw new ApiError('bad_json', '问卷内容不是有效的 JSON：请检查括号、引号和逗号', 400);
    }
  };
  const current = (): QuestionnaireDefinition => (json === null ? def : parseJson(json));
  const toggleJson = () => {
    if (json === null) return setJson(JSON.stringify(def, null, 2));
    try {
      setDef(parseJson(json));
      setJson(null);
      setProblems([]);
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };

  if (!draft)
    return (
      <Button
        size="small"
        loading={busy}
        onClick={() => void run(() => copyQuestionnaireVersion(newest!.id, nextStart(q)), '已复制为新草稿')}
        data-testid={`copy-${q.code}`}
        disabled={!newest}
      >
        复制为新草稿
      </Button>
    );
  return (
    <div data-testid={`editor-${q.code}`}>
      <div className="qform-bar">
        <span className="assess-meta">
          草稿 v{draft.version}（生效日期 {draft.effectiveFrom}）
          {json === null ? zh`，共 ${def.items.length} 题` : '：题型 kind 为 single、multiple、likert、situational 或 text'}
        </span>
        <Button size="mini" fill="none" color="primary" onClick={toggleJson} data-testid="toggle-json">
          {json === null ? '以 JSON 编辑' : '回到表单'}
        </Button>
      </div>
      {json === null ? (
        <QuestionForm def={def} onChange={setDef} />
      ) : (
        <textarea className="assess-textarea assess-json" value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} />
      )}
      {json === null && problems.length === 0 && live.length > 0 && (
        <ul className="qform-live" data-testid="editor-live-problems">
          {live.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul className="inline-error" data-testid="editor-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="assess-actions">
        <Button
          loading={busy}
          onClick={() =>
            void run(
              () => updateQuestionnaireVersion(draft.id, { effectiveFrom: draft.effectiveFrom, effectiveTo: draft.effectiveTo, definition: current() }),
              '草稿已保存',
            )
          }
        >
          保存草稿
        </Button>
        <Button color="primary" loading={busy} onClick={() => void run(() => publishQuestionnaireVersion(draft.id), '已发布')}>
          发布
        </Button>
      </div>
    </div>
  );
}

export function NewQuestionnaire({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const create = async () => {
    try {
      const q = await createQuestionnaire(`q-${Date.now().toString(36)}`, name.trim());
      await createQuestionnaireVersion(q.id, { effectiveFrom: today(), definition: STARTER, note: '新建' });
      setName('');
      setProblems([]);
      onCreated();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return (
    <section className="card" data-testid="new-questionnaire">
      <div className="assess-task-title">新建问卷</div>
      <div className="assess-form">
        <label className="span-all">
          问卷名称
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="如：客户服务能力测评" />
        </label>
      </div>
      {problems.length > 0 && <div className="inline-error">{problems.join('；')}</div>}
      <div className="assess-actions">
        <Button disabled={name.trim() === ''} onClick={() => void create()}>
          新建草稿
        </Button>
      </div>
    </section>
  );
}
