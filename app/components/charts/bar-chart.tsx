/**
 * Horizontal bars, one per category (e.g. the options of a choice question), drawn on the
 * server as SVG: each bar names its category above it and its count and share beside it, so
 * the bars need no colour to be read. Framed by <ChartFigure> (title, text alternative);
 * pair it with <DataTable> for the breakdown.
 */
import { CHART_WIDTH, CategoryLabel, ChartFigure, percent } from "./chart-figure";

export type BarCategory = { key: string; label: string; value: number };

const LABEL = 20;
const BAR = 22;
const ROW = LABEL + BAR + 12;
const VALUE_SPACE = 110; // room for "1,234 (56%)" after the longest bar

export function BarChart({
  id,
  title,
  summary,
  categories,
  whole,
}: {
  id: string;
  title: string;
  summary: string;
  categories: BarCategory[];
  /** What the shares are of (e.g. the responses that answered); the sum of values when omitted. */
  whole?: number;
}) {
  const base = whole ?? categories.reduce((a, c) => a + c.value, 0);
  const max = Math.max(1, ...categories.map((c) => c.value));
  const height = Math.max(ROW, categories.length * ROW);
  return (
    <ChartFigure id={id} title={title} summary={summary} height={height}>
      {categories.map((c, row) => {
        const y = row * ROW;
        const w = ((CHART_WIDTH - VALUE_SPACE) * c.value) / max;
        return (
          <g key={c.key}>
            <CategoryLabel y={y}>{c.label}</CategoryLabel>
            <rect x="0" y={y + LABEL} width={Math.max(w, 1)} height={BAR} fill="#0b5563" />
            <text x={w + 6} y={y + LABEL + 16} className="chart__value" fill="#1b1f24">
              {c.value.toLocaleString("en")} ({percent(c.value, base)}%)
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
