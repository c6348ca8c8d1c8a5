/**
 * Horizontal stacked bars, one per category (e.g. a stakeholder type), each split into its
 * series (e.g. the points of an agreement scale) as shares of the category's total. Rendered
 * on the server as SVG in the page's markup: it shows without JavaScript.
 *
 * Accessible as an image with a text alternative: `role="img"` labelled by the chart's title
 * and the `summary` paragraph shown under it. Each segment wide enough carries its percentage,
 * every series has a pattern as well as a colour (palette.tsx), and the legend names them.
 * Pair it with <DataTable> for the exact numbers. The figure, text alternative and legend come
 * from <ChartFigure>.
 */
import { CHART_WIDTH, CategoryLabel, ChartFigure, percent, type ChartSeries } from "./chart-figure";
import { PatternDefs, patternId, seriesFill, type Palette } from "./palette";

export type StackedCategory = { key: string; label: string; values: number[] };

const BAR = 26;
const LABEL = 20; // the category's name, above its bar
const ROW = LABEL + BAR + 14;

export function StackedBarChart({
  id,
  title,
  summary,
  series,
  categories,
  palette = "diverging",
  unit = { one: "answer", other: "answers" },
}: {
  /** Unique in the page: prefixes the ids of the title, summary and patterns. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words. */
  summary: string;
  series: ChartSeries[];
  categories: StackedCategory[];
  palette?: Palette;
  /** What a category's total counts, in the singular and plural: "(1 answer)", "(3 answers)". */
  unit?: { one: string; other: string };
}) {
  const height = Math.max(ROW, categories.length * ROW);
  return (
    <ChartFigure id={id} title={title} summary={summary} height={height} legend={{ series, palette }}>
      <defs>
        <PatternDefs chartId={id} palette={palette} count={series.length} />
      </defs>
      {categories.map((c, row) => {
        const total = c.values.reduce((a, b) => a + b, 0);
        const y = row * ROW;
        let x = 0;
        return (
          <g key={c.key}>
            <CategoryLabel y={y}>
              {c.label} ({total} {total === 1 ? unit.one : unit.other})
            </CategoryLabel>
            <rect x="0" y={y + LABEL} width={CHART_WIDTH} height={BAR} fill="#f4f6f8" stroke="#4a5360" strokeWidth="1" />
            {c.values.map((v, i) => {
              if (v === 0 || total === 0) return null;
              const w = (CHART_WIDTH * v) / total;
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
    </ChartFigure>
  );
}
