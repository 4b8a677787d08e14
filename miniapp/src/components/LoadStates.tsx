/** What a page shows while its data loads, and when loading failed (with a retry). */
import { zh } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Skeleton from 'antd-mobile/es/components/skeleton';

export function LoadingCard({ lines = 5 }: { lines?: number }) {
  return (
    <section className="card">
      <Skeleton.Title animated />
      <Skeleton.Paragraph lineCount={lines} animated />
    </section>
  );
}

/** “<what>加载失败：<message>” and a 重试 button. */
export function RetryCard({ what, message, onRetry, testId }: { what: string; message: string; onRetry(): void; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      <div className="inline-error">{zh`${what}加载失败：${message}`}</div>
      <Button size="small" onClick={onRetry}>
        重试
      </Button>
    </section>
  );
}
