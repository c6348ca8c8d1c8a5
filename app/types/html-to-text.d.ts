/** The part of html-to-text that render.server.ts uses (the package ships no types). */
declare module "html-to-text" {
  export type HtmlToTextOptions = Record<string, unknown>;
  /** A converter with the options already processed: much cheaper per call than convert(). */
  export function compile(options?: HtmlToTextOptions): (html: string) => string;
}
