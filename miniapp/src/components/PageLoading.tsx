import DotLoading from 'antd-mobile/es/components/dot-loading';

/** Full-page loading indicator (Suspense fallback, session check). */
export function PageLoading({ text = '加载中' }: { text?: string }) {
  return (
    <div className="page-loading" data-testid="page-loading">
      <DotLoading color="primary" />
      <span>{text}</span>
    </div>
  );
}
