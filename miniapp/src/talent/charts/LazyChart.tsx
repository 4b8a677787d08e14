/**
 * One ECharts chart, its library loaded on first use (a dynamic import of the tree-shaken setup: radar, line, SVG),
 * so pages without a chart never download it and the critical path stays within the budget. Resizes with its box,
 * so the same chart reads at 375 px and uses the width at 1440 px. The option must be memoised by the caller.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { TalentChartOption } from './chartOption';

export function LazyChart({ option, height, label, testId }: { option: TalentChartOption; height: number; label: string; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | { failed: string }>('loading');
  useEffect(() => {
    let live = true;
    let dispose = () => undefined as void;
    import('./echartsSetup').then(
      ({ init }) => {
        const el = box.current;
        if (!live || !el) return;
        const chart = init(el, undefined, { renderer: 'svg' });
        chart.setOption(option);
        const watch = new ResizeObserver(() => chart.resize());
        watch.observe(el);
        dispose = () => {
          watch.disconnect();
          chart.dispose();
        };
        setState('ready');
      },
      (err: unknown) => live && setState({ failed: errorMessage(err) }),
    );
    return () => {
      live = false;
      dispose();
    };
  }, [option]);
  return (
    <div className="chart-box" style={{ height }}>
      <div ref={box} className="chart-canvas" role="img" aria-label={label} data-testid={testId} data-ready={state === 'ready' ? 'true' : 'false'} />
      {state === 'loading' && <div className="chart-note muted small">图表加载中…</div>}
      {typeof state === 'object' && <div className="chart-note inline-error">图表加载失败：{state.failed}</div>}
    </div>
  );
}
