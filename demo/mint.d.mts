// Types for demo/mint.mjs, used by the TypeScript e2e specs.
/** Mints the demo tokens: placeholder name (ACCESS_TOKEN, …) → compact token. */
export function mintDemoTokens(): Promise<Record<string, string>>;
/** Copies demo/workspace to `target` with freshly minted tokens in place of its placeholders. */
export function writeDemoWorkspace(target: string): Promise<Record<string, string>>;
/** Lifetime of the live access token, in hours. */
export const ACCESS_TOKEN_HOURS: number;
/** The demo's `dir` (A256GCM) JWE key as text (public on purpose): Add Decryption Key… stores it. */
export const DEMO_JWE_KEY: string;
