/**
 * 岗位模型 → 画像指标参考值 (HR, admins): a company-wide reference value per portrait metric (e.g. 大客户成交周期：行业
 * 30 天), shown next to the metric on every portrait. Each save is a new version on the server and an audit event;
 * the same check as the server's (checkMetricReference) runs as HR types.
 */
import { useState } from 'react';
import { checkMetricReference, zh } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getMetricReferences, putMetricReference, type MetricReferenceCatalogue } from '../api/portraitEvidenceEndpoints';
import { useLoaded } from '../components/useLoaded';
import { metricValueText } from './MetricEvidence';
import './metricEvidence.css';

type Row = MetricReferenceCatalogue['metrics'][number];

function EditRow({ row, onSaved, onCancel }: { row: Row; onSaved: () => void; onCancel: () => void }) {
  const [value, setValue] = useState(row.reference?.value ?? '');
  const [note, setNote] = useState(row.reference?.note ?? '');
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const checked = checkMetricReference(row.metric, value, note);
  const save = async () => {
    if (!checked.ok) return;
    setSaving(true);
    setServerError(null);
    try {
      await putMetricReference(row.metric, { value: checked.value, note: checked.note });
      Toast.show({ icon: 'success', content: checked.value === null ? '已清除参考值' : '参考值已保存' });
      onSaved();
    } catch (err) {
      setServerError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="reference-form">
      <div className="reference-inputs">
        <Input
          value={value}
          onChange={setValue}
          inputMode="decimal"
          placeholder={zh`参考值（${row.unit}），留空为清除`}
          data-testid={`reference-value-${row.metric}`}
        />
        <Input value={note} onChange={setNote} placeholder="来源说明，如“行业平均”" data-testid={`reference-note-${row.metric}`} />
      </div>
      {!checked.ok && <div className="inline-error">{checked.problems.map((p) => `${p.label}：${p.message}`).join('；')}</div>}
      {serverError && <div className="inline-error">{serverError}</div>}
      <div className="reference-inputs">
        <Button size="small" color="primary" loading={saving} disabled={!checked.ok} onClick={() => void save()} data-testid={`reference-save-${row.metric}`}>
          保存
        </Button>
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
      </div>
    </div>
  );
}

export function MetricReferenceEditor() {
  const { state, reload } = useLoaded(getMetricReferences);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section className="card" data-testid="reference-editor">
      <h3>画像指标参考值</h3>
      <p className="muted small">全公司统一的参考值（如大客户成交周期的行业水平 30 天），显示在每个人画像的指标旁。每次修改都保留版本并记入审计日志。</p>
      {state.status === 'loading' && <Skeleton.Paragraph lineCount={3} animated />}
      {state.status === 'error' && <div className="inline-error">参考值加载失败：{state.message}</div>}
      {state.status === 'ready' && (
        <ul className="portrait-metrics reference-editor">
          {state.data.metrics.map((row) => (
            <li key={row.metric} data-testid={`reference-${row.metric}`}>
              <div>
                <div>{row.label}</div>
                <div className="muted small">
                  {row.reference
                    ? zh`参考值 ${metricValueText(row.reference.value!, row.unit)}${row.reference.note ? `（${row.reference.note}）` : ''} · 第 ${row.reference.version} 版，${row.reference.setBy.name ?? row.reference.setBy.userid} 设置`
                    : '未设置'}
                </div>
              </div>
              {editing === row.metric ? (
                <EditRow
                  row={row}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    void reload({ quiet: true });
                  }}
                />
              ) : (
                <div>
                  <button type="button" className="link-button" onClick={() => setEditing(row.metric)} data-testid={`reference-edit-${row.metric}`}>
                    {row.reference ? '修改' : '设置'}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
