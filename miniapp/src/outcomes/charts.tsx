/**
 * The 转型看板's charts as plain SVG (a few KB in the page's own lazy chunk, no chart library on the critical path):
 * a line chart of ratios over months with dashed target lines (named in the legend), and stacked bars of counts over months. Both scale to
 * their container (viewBox), read on a 375 px phone, and say 数据不足 for a month without a value instead of 0.
 */
import type { ReactNode } from 'react';

export interface Series {
  key: string;
  label: string;
  color: string;
  /** One per month; null: 数据不足 (the line breaks there). */
  values: readonly (number | null)[];
}

const W = 320;
const H = 160;
const PAD = { l: 34, r: 8, t: 10, b: 22 };
const shortMonth = (m: string) => `${Number(m.slice(5))}月`;
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Month labels along the bottom, thinned so they never overlap at phone width. */
function monthAxis(months: readonly string[], x: (i: number) => number): ReactNode {
  const step = months.length > 8 ? 2 : 1;
  return months.map((m, i) =>
    i % step === (months.length - 1) % step ? (
      <text key={m} x={x(i)} y={H - 6} textAnchor="middle" className="chart-axis">
        {shortMonth(m)}
      </text>
    ) : null,
  );
}

export function RatioLineChart({
  months,
  series,
  targets = [],
  testId,
  onPoint,
}: {
  months: readonly string[];
  series: readonly Series[];
  targets?: readonly { label: string; value: number; color: string }[];
  testId: string;
  onPoint?(seriesKey: string, month: string): void;
}) {
  const all = [...series.flatMap((s) => s.values.filter((v): v is number => v !== null)), ...targets.map((t) => t.value)];
  const top = Math.max(0.1, Math.ceil(Math.max(0, ...all) * 10 - 1e-9) / 10);
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (months.length <= 1 ? innerW / 2 : (i * innerW) / (months.length - 1));
  const y = (v: number) => PAD.t + innerH - (v / top) * innerH;
  const ticks = [0, top / 2, top];
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={series.map((s) => s.label).join('、')}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.l - 4} y={y(t) + 3} textAnchor="end" className="chart-axis">
              {pct(t)}
            </text>
          </g>
        ))}
        {targets.map((t) => (
          <line key={t.label} x1={PAD.l} x2={W - PAD.r} y1={y(t.value)} y2={y(t.value)} stroke={t.color} strokeDasharray="4 3" strokeWidth={1} />
        ))}
        {series.map((s) => {
          // Segments between months that both have a value: a gap (数据不足) breaks the line.
          const parts: string[] = [];
          let d = '';
          s.values.forEach((v, i) => {
            if (v === null) {
              if (d) parts.push(d);
              d = '';
            } else d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (d) parts.push(d);
          return (
            <g key={s.key}>
              {parts.map((p) => (
                <path key={p} d={p} fill="none" stroke={s.color} strokeWidth={2} strokeLinejoin="round" />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle
                    key={months[i]}
                    cx={x(i)}
                    cy={y(v)}
                    r={3.5}
                    fill={s.color}
                    className={onPoint ? 'chart-point' : undefined}
                    onClick={onPoint ? () => onPoint(s.key, months[i]!) : undefined}
                  >
                    <title>{`${s.label} ${months[i]}：${pct(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
        {monthAxis(months, x)}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
        {targets.map((t) => (
          <span key={t.label}>
            <b className="chart-dash" style={{ borderColor: t.color }} />
            {t.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export interface StackPart {
  key: string;
  label: string;
  color: string;
  /** One count per month. */
  values: readonly number[];
}

export function StackedBars({
  months,
  parts,
  testId,
  onBar,
}: {
  months: readonly string[];
  parts: readonly StackPart[];
  testId: string;
  onBar?(partKey: string, month: string): void;
}) {
  const totals = months.map((_, i) => parts.reduce((s, p) => s + (p.values[i] ?? 0), 0));
  const top = Math.max(1, ...totals);
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const slot = innerW / Math.max(1, months.length);
  const barW = Math.min(22, slot * 0.7);
  const x = (i: number) => PAD.l + slot * i + slot / 2;
  const h = (v: number) => (v / top) * innerH;
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={parts.map((p) => p.label).join('、')}>
        {[0, top].map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={PAD.t + innerH - h(t)} y2={PAD.t + innerH - h(t)} className="chart-grid" />
            <text x={PAD.l - 4} y={PAD.t + innerH - h(t) + 3} textAnchor="end" className="chart-axis">
              {t}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          let base = PAD.t + innerH;
          return (
            <g key={m}>
              {parts.map((p) => {
                const v = p.values[i] ?? 0;
                if (v === 0) return null;
                base -= h(v);
                return (
                  <rect
                    key={p.key}
                    x={x(i) - barW / 2}
                    y={base}
                    width={barW}
                    height={h(v)}
                    fill={p.color}
                    className={onBar ? 'chart-point' : undefined}
                    onClick={onBar ? () => onBar(p.key, m) : undefined}
                  >
                    <title>{`${p.label} ${m}：${v} 人`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        {monthAxis(months, x)}
      </svg>
      <figcaption className="chart-legend">
        {parts.map((p) => (
          <span key={p.key}>
            <i style={{ background: p.color }} />
            {p.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
