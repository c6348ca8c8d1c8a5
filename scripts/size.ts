/**
 * `npm run size`: what a browser downloads on a first visit to each respondent page, from the
 * production build (run `npx remix vite:build` first), gzip-compressed, against the budget:
 * all JavaScript at most 100 KB, CSS counted towards the 50 KB of HTML+CSS (`npm run bench`
 * measures the HTML of real pages). Html-only routes (docs/decisions/007) load only their
 * enhancement bundle; hydrated routes load the entry, the root and the route with their imports.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const buildDir = path.resolve(process.env.CONSULT_BUILD_DIR || "build", "client");
const manifestFile = fs.readdirSync(path.join(buildDir, "assets")).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error(`No build in ${buildDir}: run \`npx remix vite:build\` first.`);
const source = fs.readFileSync(path.join(buildDir, "assets", manifestFile), "utf8");
type Route = { module: string; imports?: string[]; css?: string[] };
const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as {
  entry: { module: string; imports: string[] };
  routes: Record<string, Route>;
};

const gzip = (asset: string) => zlib.gzipSync(fs.readFileSync(path.join(buildDir, asset))).length;
/**
 * A route's enhancement bundle (`import enhance from "~/enhance/<name>?worker&url"`): the larger
 * of the files so named (the other only exports its URL).
 */
function enhancementOf(source: string): string | undefined {
  const name = /from "~\/enhance\/([\w-]+)\?worker&url"/.exec(source)?.[1];
  if (!name) return undefined;
  const files = fs.readdirSync(path.join(buildDir, "assets")).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".js") && /^[\w-]+$/.test(f.slice(name.length + 1, -3)));
  return files.map((f) => `/assets/${f}`).sort((a, b) => gzip(b) - gzip(a))[0];
}

const routeFile = (id: string) => path.resolve("app", `${id}.tsx`);
// Pages only: resource routes (downloads) have no component.
const pages = Object.keys(manifest.routes).filter(
  (id) => /routes\/(respond\.|invitations\.|sign-in|my$)/.test(id) && /export default/.test(fs.readFileSync(routeFile(id), "utf8")),
);
// The one stylesheet every page links (app/styles/app.css, imported with ?url in the root).
const stylesheets = fs.readdirSync(path.join(buildDir, "assets")).filter((f) => f.endsWith(".css")).map((f) => `/assets/${f}`);
const rows = pages.sort().map((id) => {
  const source = fs.readFileSync(routeFile(id), "utf8");
  const htmlOnly = /export const handle = htmlOnly\(/.test(source);
  const enhancementJs = enhancementOf(source);
  const root = manifest.routes.root!;
  const route = manifest.routes[id]!;
  const css = new Set([...stylesheets, ...(root.css ?? []), ...(route.css ?? [])]);
  const js = htmlOnly
    ? new Set(enhancementJs ? [enhancementJs] : [])
    : new Set([manifest.entry.module, ...manifest.entry.imports, root.module, ...(root.imports ?? []), route.module, ...(route.imports ?? [])]);
  const jsBytes = [...js].reduce((sum, f) => sum + gzip(f), 0);
  const cssBytes = [...css].reduce((sum, f) => sum + gzip(f), 0);
  return { page: id.replace("routes/", ""), mode: htmlOnly ? "html + enhancement" : "hydrated", "JS KB": kb(jsBytes), "CSS KB": kb(cssBytes), "JS budget": jsBytes <= 100 * 1024 ? "ok" : "OVER" };
});
console.table(rows);

function kb(bytes: number) {
  return Math.round(bytes / 102.4) / 10;
}
