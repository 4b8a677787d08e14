/** Shown for a page whose app.json roles the user lacks (the server refuses those APIs too). */
import { ROLE_LABELS, zh } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import { PageLayout } from '../components/PageLayout';
import { findPage } from '../router/access';
import { navigate, useHashRoute } from '../router/hashRoute';
import { manifest } from '../router/manifest';

export default function ForbiddenPage() {
  const { path } = useHashRoute();
  const page = findPage(path);
  const who = page?.roles.map((r) => ROLE_LABELS[r]).join('、');
  return (
    <PageLayout title={page?.title ?? '无权访问'}>
      <div className="card" data-testid="forbidden">
        <ErrorBlock
          status="default"
          title="无权访问"
          description={who ? zh`“${page?.title}”仅对${who}开放。如需开通，请联系管理员。` : '你没有权限打开此页面。'}
        >
          <Button color="primary" onClick={() => navigate(manifest.home)} data-testid="forbidden-home">
            返回首页
          </Button>
        </ErrorBlock>
      </div>
    </PageLayout>
  );
}
