// Generated at bundle time by scripts/test-integration-web.mjs: the suites that bundle for the browser.
export declare const suites: readonly { readonly file: string; readonly load: () => void }[];
