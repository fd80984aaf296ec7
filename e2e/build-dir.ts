/**
 * E2E_PORT lets several checkouts (or people) run the suite side by side: each
 * port builds into its own folder and serves it. The config and any spec that
 * reads the build itself take the folder from here.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_OUT_DIR = E2E_PORT === 4173 ? "dist" : `dist-e2e-${E2E_PORT}`;
export const E2E_ARTIFACTS =
  E2E_PORT === 4173 ? "test-results/artifacts" : `test-results/artifacts-${E2E_PORT}`;
