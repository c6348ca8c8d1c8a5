/**
 * Remix options, kept apart from vite.config.ts so that tools reading Remix settings
 * (and people) find them in the conventional place. See docs/decisions/003-remix-config.md.
 * @type {Partial<import("@remix-run/dev").VitePluginConfig>}
 */
export default {
  appDirectory: "app",
  // CONSULT_BUILD_DIR lets two builds (say, two e2e runs) live side by side.
  buildDirectory: process.env.CONSULT_BUILD_DIR || "build",
  serverModuleFormat: "esm",
  // The production server (server.ts) compiled beside the server build it serves, so that it runs
  // with plain node, without tsx (docs/decisions/012-production-server.md). Its npm packages stay
  // imports, shared with the build's; the app's modules are reached only through the build.
  async buildEnd({ remixConfig }) {
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: ["server.ts"],
      outfile: `${remixConfig.buildDirectory}/server/start.js`,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "warning",
    });
  },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};
