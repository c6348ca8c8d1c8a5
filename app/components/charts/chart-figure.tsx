/**
 * The frame every chart shares: a <figure> whose caption is the title, the SVG as
 * `role="img"` labelled by that title and the `summary` paragraph under it (the text
 * alternative), and, for charts with several series, a legend naming each series beside its
 * swatch (palette.tsx).
 */
import type { ReactNode } from "react";
import { Swatch, type Palette } from "./palette";

export type ChartSeries = { key: string; label: string };

/** The drawing's width in SVG units; the SVG scales to its container. */
export const CHART_WIDTH = 640;

/** A whole-number percentage, 0 when there is nothing to share out. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);

export function ChartFigure({
  id,
  title,
  summary,
  height,
  legend,
  children,
}: {
  /** Unique in the page: prefixes the ids of the title and summary. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words. */
  summary: string;
  height: number;
  legend?: { series: ChartSeries[]; palette: Palette };
  /** The SVG's content. */
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width={CHART_WIDTH}
        height={height}
        focusable="false"
      >
        {children}
      </svg>
      {legend ? (
        <ul className="chart-legend" aria-label="Legend">
          {legend.series.map((s, i) => (
            <li key={s.key}>
              <Swatch chartId={id} palette={legend.palette} index={i} /> {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="chart__summary" id={`${id}-summary`}>
        {summary}
      </p>
    </figure>
  );
}

/** A category's name, above its bar (row `y` is the row's top). */
export function CategoryLabel({ y, children }: { y: number; children: ReactNode }) {
  return (
    <text x="0" y={y + 15} className="chart__label">
      {children}
    </text>
  );
}
