/**
 * A small server-rendered SVG bar chart (stacked by payment method). No script, no library:
 * it prints, and it shows on a phone without JavaScript.
 */
import { formatVnd } from "~/utils/format";

export type ChartDay = { date: string; vietqr: number; card: number; cash: number; total: number };

const COLORS = { vietqr: "#15803d", card: "#1d4ed8", cash: "#d97706" } as const;

export function TakingsChart({ days, title, labels }: { days: ChartDay[]; title: string; labels: Record<"vietqr" | "card" | "cash", string> }) {
  const width = 600;
  const height = 180;
  const pad = 24;
  const max = Math.max(1, ...days.map((d) => d.total));
  const barWidth = (width - pad) / Math.max(1, days.length);
  return (
    <figure className="card">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={title} className="h-auto w-full" data-testid="takings-chart">
        <line x1={pad} y1={height} x2={width} y2={height} stroke="#a8a29e" />
        {days.map((d, i) => {
          let y = height;
          const x = pad + i * barWidth + 1;
          return (
            <g key={d.date}>
              <title>{`${d.date.split("-").reverse().join("/")}: ${formatVnd(d.total)}`}</title>
              {(["cash", "card", "vietqr"] as const).map((m) => {
                const h = (d[m] / max) * (height - 10);
                y -= h;
                return h > 0 ? <rect key={m} x={x} y={y} width={Math.max(1, barWidth - 2)} height={h} fill={COLORS[m]} /> : null;
              })}
              {i % 5 === 0 || i === days.length - 1 ? (
                <text
                  x={i === days.length - 1 ? width : x + barWidth / 2}
                  y={height + 14}
                  fontSize="10"
                  textAnchor={i === days.length - 1 ? "end" : "middle"}
                  fill="#57534e"
                >
                  {d.date.slice(8, 10)}/{d.date.slice(5, 7)}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={2} y={12} fontSize="10" fill="#57534e">
          {formatVnd(max)}
        </text>
      </svg>
      <p className="mt-2 flex flex-wrap gap-4 text-sm">
        {(["vietqr", "card", "cash"] as const).map((m) => (
          <span key={m} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: COLORS[m] }} />
            {labels[m]}
          </span>
        ))}
      </p>
    </figure>
  );
}
