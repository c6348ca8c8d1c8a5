/**
 * What a route can ask of the document through its `handle`. `htmlOnly(script)` serves the
 * page as HTML without React in the browser: respondent pages are read on slow mobile links
 * and must work without JavaScript anyway, so they ship one small compiled enhancement
 * script (app/enhance/) instead of the framework. See docs/decisions/007-html-only-respondent-pages.md.
 */
export type PageHandle = { hydrate?: boolean; scripts?: string[] };

export function htmlOnly(...scripts: string[]): PageHandle {
  return { hydrate: false, scripts };
}

export function pageScripts(handles: unknown[]) {
  const pages = handles as Array<PageHandle | undefined>;
  return {
    hydrate: !pages.some((h) => h?.hydrate === false),
    scripts: [...new Set(pages.flatMap((h) => h?.scripts ?? []))],
  };
}
