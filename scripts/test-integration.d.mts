/** Bundles test/integration (index + suites) into out/integration; resolves to index.js. */
export function bundleIntegration(locale?: string): Promise<string>;
