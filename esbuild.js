// One esbuild context per target (extension host, web extension host, CLI, webview UI).
// Production (`--production`) minifies and drops source maps.
const esbuild = require('esbuild');
const { builtinModules } = require('module');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Prints errors in the `file:line:col: error: text` form problem matchers understand. The
 * `[watch] build started/finished` lines are what the background problem matcher of `--watch`
 * waits for: a one-shot build (`npm run build`, the demo) prints only errors.
 */
const problemMatcherLog = {
  name: 'problem-matcher-log',
  setup(build) {
    if (watch) build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Fails the web build on any import of a Node built-in (`fs`, `node:crypto`, …): the browser's
 * web worker extension host (vscode.dev, github.dev, code-server) has none of them.
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /^[a-z_:]/ }, (args) => {
      if (!args.path.startsWith('node:') && !builtins.has(args.path)) return undefined;
      return { errors: [{ text: `"${args.path}" is a Node built-in, which the web extension host does not have (imported by ${args.importer})` }] };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherLog],
  legalComments: 'none',
  // ESM builds first: jsonc-parser's `main` is a UMD wrapper whose require('./impl/…') calls
  // esbuild cannot follow (the bundle then fails at runtime with "Cannot find module").
  mainFields: ['module', 'main'],
};

/**
 * The `browser` entry of package.json: the same extension for the web worker extension host.
 * `browser` first so packages pick their browser builds (jose resolves to its Web Crypto build).
 * @type {import('esbuild').BuildOptions}
 */
const webExtensionTarget = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/web/extension.js',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  mainFields: ['browser', 'module', 'main'],
  plugins: [...common.plugins, noNodeBuiltins],
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  webExtensionTarget,
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/webview/ui/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** The inspector webview's icon font, served from `dist/codicons` (a webview local resource root). */
function copyCodicons(fs) {
  const path = require('path');
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'codicons');
  if (!fs.existsSync(from)) return;
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

async function main() {
  const fs = require('fs');
  const present = targets.filter((t) => t.entryPoints.every((e) => fs.existsSync(e)));
  const contexts = await Promise.all(present.map((t) => esbuild.context(t)));
  copyCodicons(fs);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

// Tests build the web target themselves (test/unit/webBundle.test.ts).
module.exports = { webExtensionTarget };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
