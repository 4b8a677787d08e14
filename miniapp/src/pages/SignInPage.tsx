/**
 * Sign-in. Inside DingTalk: 免登 (requestAuthCode → POST /auth/dingtalk) without any form. Outside DingTalk:
 * the sandbox lists demo users (each signs in through the same code exchange); production explains how to open
 * the app from the DingTalk workbench.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ROLE_LABELS, type AuthOptions, type DemoUser, type Me } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import List from 'antd-mobile/es/components/list';
import Result from 'antd-mobile/es/components/result';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { getAuthOptions, getSandboxCode, signInWithDingTalkCode } from '../api/endpoints';
import { Brand } from '../components/Brand';
import { UserAvatar } from '../components/UserAvatar';
import { getDingTalkAuthCode, isInDingTalk } from '../platform/dingtalk';
import { corpIdFromSearch, resolveCorpId } from '../session/corpId';

type OptionsState = { status: 'loading' } | { status: 'ready'; options: AuthOptions } | { status: 'error'; message: string };

export interface SignInPageProps {
  /** True after an explicit sign-out: don't sign straight back in inside DingTalk. */
  manual?: boolean;
  onSignedIn(me: Me): void;
}

/** The public sign-in page (part of the entry chunk). */
export function SignInPage({ manual = false, onSignedIn }: SignInPageProps) {
  const inDingTalk = isInDingTalk();
  const urlCorpId = corpIdFromSearch(window.location.search);
  const [opts, setOpts] = useState<OptionsState>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null); // 'dingtalk' or a demo userid
  const [error, setError] = useState<string | null>(null);
  const autoTried = useRef(false);

  const loadOptions = useCallback(() => {
    setOpts({ status: 'loading' });
    getAuthOptions().then(
      (options) => setOpts({ status: 'ready', options }),
      (err: unknown) => setOpts({ status: 'error', message: errorMessage(err) }),
    );
  }, []);
  useEffect(loadOptions, [loadOptions]);

  const defaultCorpId = opts.status === 'ready' ? opts.options.defaultCorpId : null;
  const corpId = resolveCorpId(window.location.search, defaultCorpId);

  /** Both paths end here: a one-time code for `corpId` becomes a session. */
  const exchange = useCallback(
    async (who: string, getCode: () => Promise<string>, corp: string) => {
      setBusy(who);
      setError(null);
      try {
        const code = await getCode();
        const me = await signInWithDingTalkCode(code, corp);
        onSignedIn(me);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(null);
      }
    },
    [onSignedIn],
  );

  const signInWithDingTalk = useCallback(() => {
    if (!corpId) {
      setError('缺少企业 corpId：请从钉钉工作台打开留才（首页地址需带 ?corpId=$CORPID$）');
      return;
    }
    void exchange('dingtalk', () => getDingTalkAuthCode(corpId), corpId);
  }, [corpId, exchange]);

  // Inside DingTalk sign in by itself as soon as a corpId is known (from the URL, or the server's default).
  const corpKnown = urlCorpId !== null || opts.status !== 'loading';
  useEffect(() => {
    if (!inDingTalk || manual || autoTried.current || !corpKnown) return;
    autoTried.current = true;
    signInWithDingTalk();
  }, [inDingTalk, manual, corpKnown, signInWithDingTalk]);

  const signInAsDemo = (user: DemoUser) => {
    if (busy) return;
    if (!corpId) {
      setError('服务器没有配置默认企业（defaultCorpId），无法登录演示用户');
      return;
    }
    void exchange(user.userid, async () => (await getSandboxCode(user.userid, corpId)).code, corpId);
  };

  const errorBlock = error && (
    <div className="signin-error" data-testid="signin-error" role="alert">
      <strong>登录失败</strong>
      <span>{error}</span>
    </div>
  );

  let body: ReactNode;
  if (inDingTalk) {
    body = (
      <div className="card" data-testid="signin-dingtalk">
        {busy === 'dingtalk' || (!manual && !error && !autoTried.current) ? (
          <div className="signin-progress">
            <DotLoading color="primary" />
            <span>正在通过钉钉免登…</span>
          </div>
        ) : (
          <>
            {errorBlock}
            <Button block color="primary" size="large" onClick={signInWithDingTalk} data-testid="signin-dingtalk-button">
              {error ? '重试' : '使用钉钉身份登录'}
            </Button>
          </>
        )}
      </div>
    );
  } else if (opts.status === 'loading') {
    body = (
      <div className="card signin-progress" data-testid="signin-loading">
        <DotLoading color="primary" />
        <span>正在连接留才服务…</span>
      </div>
    );
  } else if (opts.status === 'error') {
    body = (
      <div className="card" data-testid="signin-options-error">
        <Result status="error" title="无法连接留才服务" description={opts.message} />
        <Button block color="primary" onClick={loadOptions}>
          重试
        </Button>
      </div>
    );
  } else if (opts.options.mode === 'sandbox') {
    const users = opts.options.demoUsers;
    body = (
      <div data-testid="signin-sandbox">
        <div className="sandbox-banner">
          <Tag color="warning" fill="solid">
            演示环境
          </Tag>
          <span>钉钉由内置模拟器代替。选择一位演示用户登录，体验不同角色看到的内容。</span>
        </div>
        {errorBlock}
        {users.length === 0 ? (
          <div className="card empty-text">服务器没有配置演示用户</div>
        ) : (
          <List header="演示用户" mode="card" className="demo-users">
            {users.map((u) => (
              <List.Item
                key={u.userid}
                data-testid={`demo-user-${u.userid}`}
                prefix={<UserAvatar name={u.name} seed={u.userid} />}
                description={u.title || '—'}
                extra={
                  busy === u.userid ? (
                    <DotLoading color="primary" />
                  ) : (
                    <Tag color={roleColor(u.role)} fill="outline">
                      {ROLE_LABELS[u.role] ?? u.role}
                    </Tag>
                  )
                }
                disabled={busy !== null && busy !== u.userid}
                onClick={() => signInAsDemo(u)}
                arrowIcon={false}
              >
                {u.name}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    );
  } else {
    body = (
      <div className="card" data-testid="signin-open-in-dingtalk">
        <Result status="info" title="请在钉钉工作台中打开留才" description="留才是钉钉企业内部应用，使用钉钉身份免登，不需要单独的账号密码。" />
        <ol className="howto">
          <li>打开钉钉（手机或电脑客户端），进入所在企业。</li>
          <li>点击底部/侧边栏的“工作台”。</li>
          <li>找到“留才”应用并点击打开，即可自动登录。</li>
        </ol>
        <p className="hint">找不到应用？请联系企业管理员在钉钉开发者后台发布留才，并把你加入应用可见范围。</p>
      </div>
    );
  }

  return (
    <div className="signin-page" data-testid="signin-page">
      <Brand />
      {body}
    </div>
  );
}

function roleColor(role: DemoUser['role']): string {
  switch (role) {
    case 'admin':
      return 'danger';
    case 'hr':
      return 'primary';
    case 'supervisor':
      return 'success';
    default:
      return 'default';
  }
}
