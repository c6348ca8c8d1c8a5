/**
 * Horizontal stacked bars, one per category (e.g. a stakeholder type), each split into its
 * series (e.g. the points of an agreement scale) as shares of the category's total. Rendered
 * on the server as SVG in the page's markup: it shows without JavaScript.
 *
 * Accessible as an image with a text alternative: `role="img"` labelled by the chart's title
 * and the `summary` paragraph shown under it. Each segment wide enough carries its percentage,
 * every series has a pattern as well as a colour (palette.tsx), and the legend names them.
 * Pair it with <DataTable> for the exact numbers.
 */
import { PatternDefs, Swatch, patternId, seriesFill, type Palette } from "./palette";

export type ChartSeries = { key: string; label: string };
export type StackedCategory = { key: string; label: string; values: number[] };

const WIDTH = 640;
const BAR = 26;
const LABEL = 20; // the category's name, above its bar
const ROW = LABEL + BAR + 14;

export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);

export function StackedBarChart({
  id,
  title,
  summary,
  series,
  categories,
  palette = "diverging",
  unit = "answers",
}: {
  /** Unique in the page: prefixes the ids of the title, summary and patterns. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words. */
  summary: string;
  series: ChartSeries[];
  categories: StackedCategory[];
  palette?: Palette;
  unit?: string;
}) {
  const height = Math.max(ROW, categories.length * ROW);
  return (
    <figure className="chart">
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        focusable="false"
      >
        <defs>
          <PatternDefs chartId={id} palette={palette} count={series.length} />
        </defs>
        {categories.map((c, row) => {
          const total = c.values.reduce((a, b) => a + b, 0);
          const y = row * ROW;
          let x = 0;
          return (
            <g key={c.key}>
              <text x="0" y={y + 15} className="chart__label">
                {c.label} ({total} {unit})
              </text>
              <rect x="0" y={y + LABEL} width={WIDTH} height={BAR} fill="#f4f6f8" stroke="#4a5360" strokeWidth="1" />
              {c.values.map((v, i) => {
                if (v === 0 || total === 0) return null;
                const w = (WIDTH * v) / total;
                const segment = (
                  <g key={series[i]!.key}>
                    <rect x={x} y={y + LABEL} width={w} height={BAR} fill={`url(#${patternId(id, i)})`} stroke="#ffffff" strokeWidth="1.5" />
                    {w >= 40 ? (
                      <text
                        x={x + w / 2}
                        y={y + LABEL + 18}
                        textAnchor="middle"
                        className="chart__value"
                        fill={seriesFill(palette, i).text}
                        stroke={seriesFill(palette, i).colour}
                        strokeWidth="4"
                        paintOrder="stroke"
                      >
                        {percent(v, total)}%
                      </text>
                    ) : null}
                  </g>
                );
                x += w;
                return segment;
              })}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-label="Legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <Swatch chartId={id} palette={palette} index={i} /> {s.label}
          </li>
        ))}
      </ul>
      <p className="chart__summary" id={`${id}-summary`}>
        {summary}
      </p>
    </figure>
  );
}
