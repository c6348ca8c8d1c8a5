/**
 * Fills for chart series: each a colour AND a pattern, so that no series is told apart by
 * colour alone (printouts in grey, colour blindness). Every colour has at least 3:1 contrast
 * with white (WCAG 1.4.11) and its label colour at least 4.5:1 with it.
 *
 * "diverging": ordered scales such as agreement (strongly agree … strongly disagree, then
 * don't know); "categorical": anything else.
 */
export type Palette = "diverging" | "categorical";

type Pattern = "solid" | "diagonal" | "dots" | "back-diagonal" | "cross" | "horizontal" | "vertical";
export type SeriesFill = { colour: string; text: string; pattern: Pattern; ink: string };

const PALETTES: Record<Palette, SeriesFill[]> = {
  diverging: [
    { colour: "#08519c", text: "#ffffff", pattern: "solid", ink: "#ffffff" },
    { colour: "#4f7fb3", text: "#000000", pattern: "diagonal", ink: "#ffffff" },
    { colour: "#6b6b6b", text: "#ffffff", pattern: "dots", ink: "#ffffff" },
    { colour: "#c15a0c", text: "#000000", pattern: "back-diagonal", ink: "#ffffff" },
    { colour: "#8c2d04", text: "#ffffff", pattern: "cross", ink: "#ffffff" },
    { colour: "#5e3c99", text: "#ffffff", pattern: "horizontal", ink: "#ffffff" },
  ],
  categorical: [
    { colour: "#0b5563", text: "#ffffff", pattern: "solid", ink: "#ffffff" },
    { colour: "#6b6b6b", text: "#ffffff", pattern: "dots", ink: "#ffffff" },
    { colour: "#a05a00", text: "#000000", pattern: "diagonal", ink: "#ffffff" },
    { colour: "#1d6b34", text: "#ffffff", pattern: "vertical", ink: "#ffffff" },
    { colour: "#8c2d04", text: "#ffffff", pattern: "cross", ink: "#ffffff" },
    { colour: "#5e3c99", text: "#ffffff", pattern: "horizontal", ink: "#ffffff" },
    { colour: "#08519c", text: "#ffffff", pattern: "back-diagonal", ink: "#ffffff" },
  ],
};

export function seriesFill(palette: Palette, index: number): SeriesFill {
  const list = PALETTES[palette];
  return list[index % list.length]!;
}

/** The pattern's id in the page: unique per chart, so several charts can share a page. */
export const patternId = (chartId: string, index: number) => `${chartId}-pattern-${index}`;

/** <pattern> definitions for a chart's series (inside its <defs>). */
export function PatternDefs({ chartId, palette, count }: { chartId: string; palette: Palette; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => {
        const fill = seriesFill(palette, i);
        return (
          <pattern key={i} id={patternId(chartId, i)} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={fill.colour} />
            <PatternMarks pattern={fill.pattern} ink={fill.ink} />
          </pattern>
        );
      })}
    </>
  );
}

function PatternMarks({ pattern, ink }: { pattern: Pattern; ink: string }) {
  const line = { stroke: ink, strokeWidth: 1.5, strokeOpacity: 0.55 };
  switch (pattern) {
    case "solid":
      return null;
    case "diagonal":
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} />;
    case "back-diagonal":
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...line} />;
    case "cross":
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...line} />;
    case "horizontal":
      return <path d="M0,4 h8" {...line} />;
    case "vertical":
      return <path d="M4,0 v8" {...line} />;
    case "dots":
      return <circle cx="4" cy="4" r="1.5" fill={ink} fillOpacity={0.7} />;
  }
}

/** A small legend swatch (decorative: the legend's text names the series). */
export function Swatch({ chartId, palette, index }: { chartId: string; palette: Palette; index: number }) {
  return (
    <svg className="chart-swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="17" height="17" fill={`url(#${patternId(chartId, index)})`} stroke="#1b1f24" />
    </svg>
  );
}
