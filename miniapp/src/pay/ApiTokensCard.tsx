/**
 * 开放接口令牌 on 发放批次 (HR, admins): tokens for ERP/OA to read published payroll through the open API
 * (`GET /open/v1/payout-runs/:id/payroll`). A new token is shown once (only its hash is kept); each token can be
 * revoked by its creator or an admin.
 */
import { useCallback, useEffect, useState } from 'react';
import { zh, type ApiTokenView, type CreatedApiToken } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { createApiTokenCall, listApiTokens, revokeApiTokenCall } from '../api/payEndpoints';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : null);

export function ApiTokensCard() {
  const [tokens, setTokens] = useState<ApiTokenView[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setTokens(await listApiTokens());
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (key: string, call: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await call();
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card" data-testid="api-tokens">
      <div className="card-head">
        <h2>开放接口令牌</h2>
        {tokens && <span className="muted small">{tokens.filter((t) => !t.revokedAt).length} 个有效</span>}
      </div>
      <p className="muted small sim-intro">
        供 ERP、OA 读取已发布批次的工资表：GET /open/v1/payout-runs/批次编号/payroll，请求头 Authorization: Bearer 令牌。令牌按创建人的权限范围读取。
      </p>
      <div className="dispute-form">
        <Input value={name} onChange={setName} placeholder="令牌用途，如金蝶 ERP" maxLength={60} data-testid="api-token-name" />
        <div className="run-actions">
          <Button
            size="small"
            color="primary"
            loading={busy === 'create'}
            onClick={() =>
              void act('create', async () => {
                setCreated(await createApiTokenCall(name.trim()));
                setName('');
              })
            }
            data-testid="api-token-create"
          >
            新建令牌
          </Button>
        </div>
      </div>
      {created && (
        <div className="api-token-created" data-testid="api-token-created">
          <div className="small">令牌“{created.name}”只显示这一次，请立即复制保存：</div>
          <code className="api-token-value" data-testid="api-token-value">
            {created.token}
          </code>
        </div>
      )}
      {error && (
        <div className="inline-error" role="alert" data-testid="api-token-error">
          {error}
        </div>
      )}
      {tokens && tokens.length > 0 && (
        <ul className="payout-lines">
          {tokens.map((t) => (
            <li className="payout-line" key={t.id} data-testid={`api-token-${t.id}`}>
              <div className="payout-line-head">
                <span className="payout-line-label">
                  {t.name} <span className="muted small">{t.prefix}…</span>
                </span>
                {t.revokedAt ? (
                  <Tag fill="outline">已吊销</Tag>
                ) : (
                  <Button
                    size="mini"
                    loading={busy === `revoke-${t.id}`}
                    onClick={() => void act(`revoke-${t.id}`, async () => void (await revokeApiTokenCall(t.id)))}
                    data-testid="api-token-revoke"
                  >
                    吊销
                  </Button>
                )}
              </div>
              <div className="muted small">
                {[
                  zh`${t.createdBy.name}创建于${day(t.createdAt)}`,
                  t.lastUsedAt ? zh`最近使用${day(t.lastUsedAt)}` : '尚未使用',
                  t.revokedAt ? zh`${t.revokedBy?.name ?? ''}吊销于${day(t.revokedAt)}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
