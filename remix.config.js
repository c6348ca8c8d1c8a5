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
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};
