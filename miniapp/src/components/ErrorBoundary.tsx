import { Component, type ErrorInfo, type ReactNode } from 'react';
import Button from 'antd-mobile/es/components/button';
import Result from 'antd-mobile/es/components/result';

interface State {
  error: Error | null;
}

/** Catches render errors and failed page-chunk loads (e.g. after a redeploy) and offers a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面渲染失败', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="center-page" data-testid="page-error">
        <Result status="error" title="页面加载失败" description="可能是网络问题或应用刚刚更新，请重新加载。" />
        <Button color="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      </div>
    );
  }
}
