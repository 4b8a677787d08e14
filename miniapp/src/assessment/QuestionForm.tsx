/**
 * The questionnaire form: HR edits a draft item by item (kind, question, options with the right answer or each
 * option's score, the dimensions it counts towards, its weight) instead of writing JSON. The form holds the same
 * definition the server stores; switching an item's kind keeps what still applies and drops what does not, and new
 * items and options get ids that are unique in the draft (answers refer to them).
 */
import {
  QUESTION_KIND_LABELS,
  QUESTIONNAIRE_LIMITS,
  dimensionLabel,
  type AssessmentKey,
  type QuestionItem,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionOption,
  zh,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import { DIMENSIONS, blankOption, changeKind, hasOptions, newItem } from './questionDraft';

const KINDS = Object.keys(QUESTION_KIND_LABELS) as QuestionKind[];

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

export function QuestionForm({ def, onChange }: { def: QuestionnaireDefinition; onChange: (d: QuestionnaireDefinition) => void }) {
  const setItems = (items: QuestionItem[]) => onChange({ ...def, items });
  const setItem = (i: number, item: QuestionItem) => setItems(def.items.map((x, n) => (n === i ? item : x)));
  return (
    <div className="qform" data-testid="question-form">
      <label className="qform-field">
        问卷说明（作答前显示，可不填）
        <textarea
          className="assess-textarea qform-intro"
          value={def.intro ?? ''}
          maxLength={QUESTIONNAIRE_LIMITS.text}
          onChange={(e) => {
            const { intro: _old, ...rest } = def;
            onChange(e.target.value === '' ? rest : { ...rest, intro: e.target.value });
          }}
        />
      </label>
      {def.items.map((item, i) => (
        <ItemEditor
          key={item.id}
          item={item}
          index={i}
          count={def.items.length}
          onChange={(x) => setItem(i, x)}
          onMove={(to) => setItems(move(def.items, i, to))}
          onRemove={() => setItems(def.items.filter((_, n) => n !== i))}
        />
      ))}
      <div className="qform-add" data-testid="add-item">
        <span>添加题目：</span>
        {KINDS.map((k) => (
          <Button key={k} size="mini" onClick={() => setItems([...def.items, newItem(def, k)])} data-testid={`add-${k}`}>
            {QUESTION_KIND_LABELS[k]}
          </Button>
        ))}
      </div>
    </div>
  );
}

function ItemEditor(props: {
  item: QuestionItem;
  index: number;
  count: number;
  onChange: (i: QuestionItem) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { item, index, count, onChange } = props;
  const options = item.options ?? [];
  const setOption = (j: number, o: QuestionOption) => onChange({ ...item, options: options.map((x, n) => (n === j ? o : x)) });
  const markCorrect = (j: number, on: boolean) =>
    onChange({
      ...item,
      options: options.map((x, n) => (item.kind === 'single' ? { ...x, correct: n === j } : n === j ? { ...x, correct: on } : x)),
    });
  const toggleDimension = (d: AssessmentKey, on: boolean) => {
    const dims = item.dimensions ?? [];
    onChange({ ...item, dimensions: on ? [...dims, d] : dims.filter((x) => x !== d) });
  };
  return (
    <section className="qform-item" data-testid={`qitem-${index + 1}`}>
      <div className="qform-item-head">
        <strong>{zh`第 ${index + 1} 题`}</strong>
        <span className="assess-meta">编号 {item.id}</span>
        <select aria-label="题型" value={item.kind} onChange={(e) => onChange(changeKind(item, e.target.value as QuestionKind))} data-testid="qitem-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {QUESTION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <span className="qform-item-tools">
          <Button size="mini" fill="none" disabled={index === 0} onClick={() => props.onMove(index - 1)}>
            上移
          </Button>
          <Button size="mini" fill="none" disabled={index === count - 1} onClick={() => props.onMove(index + 1)}>
            下移
          </Button>
          <Button size="mini" fill="none" color="danger" disabled={count === 1} onClick={props.onRemove}>
            删除
          </Button>
        </span>
      </div>
      <textarea
        className="assess-textarea qform-text"
        aria-label="题干"
        placeholder={item.kind === 'situational' ? '描述情景，再问“你会怎么做”' : '题干'}
        value={item.text}
        maxLength={QUESTIONNAIRE_LIMITS.text}
        onChange={(e) => onChange({ ...item, text: e.target.value })}
        data-testid="qitem-text"
      />
      {hasOptions(item.kind) && (
        <div className="qform-options">
          <div className="assess-meta">
            {item.kind === 'single'
              ? '选项（点选正确答案）'
              : item.kind === 'multiple'
                ? '选项（勾选所有正确答案）'
                : '选项（每个选项的得分 0–100，最佳选项 100）'}
          </div>
          {options.map((o, j) => (
            <div key={o.id} className="qform-option" data-testid={`qoption-${j + 1}`}>
              <span className="qform-option-id">{o.id.toUpperCase()}</span>
              <input aria-label={zh`选项 ${j + 1}`} value={o.text} maxLength={200} onChange={(e) => setOption(j, { ...o, text: e.target.value })} />
              {item.kind === 'situational' ? (
                <input
                  className="qform-score"
                  aria-label="得分"
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={o.score ?? 0}
                  onChange={(e) => setOption(j, { ...o, score: e.target.value === '' ? 0 : Number(e.target.value) })}
                />
              ) : (
                <label className="qform-correct">
                  <input
                    type={item.kind === 'single' ? 'radio' : 'checkbox'}
                    name={`correct-${item.id}`}
                    checked={o.correct === true}
                    onChange={(e) => markCorrect(j, e.target.checked)}
                  />
                  正确
                </label>
              )}
              <Button
                size="mini"
                fill="none"
                color="danger"
                disabled={options.length <= 2}
                onClick={() => onChange({ ...item, options: options.filter((_, n) => n !== j) })}
              >
                删除
              </Button>
            </div>
          ))}
          <Button
            size="mini"
            disabled={options.length >= QUESTIONNAIRE_LIMITS.options}
            onClick={() =>
              onChange({
                ...item,
                options: [
                  ...options,
                  blankOption(
                    item.kind,
                    options.map((o) => o.id),
                  ),
                ],
              })
            }
            data-testid="add-option"
          >
            添加选项
          </Button>
        </div>
      )}
      <div className="qform-flags">
        {item.kind === 'likert' && (
          <label>
            <input type="checkbox" checked={item.reverse === true} onChange={(e) => onChange({ ...item, reverse: e.target.checked || undefined })} />
            反向计分（负面表述：选 5 计 0 分）
          </label>
        )}
        {item.kind === 'text' && (
          <label>
            <input type="checkbox" checked={item.required === true} onChange={(e) => onChange({ ...item, required: e.target.checked || undefined })} />
            必答（简答题不计分）
          </label>
        )}
        {item.kind !== 'text' && (
          <>
            <span className="assess-meta">计入能力维度：</span>
            {DIMENSIONS.map((d) => (
              <label key={d} data-testid={`qdim-${d}`}>
                <input type="checkbox" checked={item.dimensions?.includes(d) ?? false} onChange={(e) => toggleDimension(d, e.target.checked)} />
                {dimensionLabel(d)}
              </label>
            ))}
            <label>
              权重
              <input
                className="qform-score"
                type="number"
                min={1}
                max={10}
                step={1}
                value={item.weight ?? 1}
                onChange={(e) => onChange({ ...item, weight: e.target.value === '' || e.target.value === '1' ? undefined : Number(e.target.value) })}
              />
            </label>
          </>
        )}
      </div>
    </section>
  );
}
