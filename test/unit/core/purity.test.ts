import { strict as assert } from 'node:assert';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * `src/core` runs in the extension host, the webview (browser) and the CLI: it must not import
 * `vscode` or any Node built-in, nor touch `Buffer`, `process` or `require`.
 */
const CORE = join(__dirname, '../../../src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Removes comments and string contents that are not module specifiers, keeping line structure. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function importedModules(code: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) specifiers.push(m[1]);
  return specifiers;
}

/** Violations in one file's source text. */
function violations(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const specifier of importedModules(code)) {
    const root = specifier.startsWith('node:') ? specifier : specifier.split('/')[0];
    if (specifier === 'vscode' || BUILTINS.has(specifier) || BUILTINS.has(root)) found.push(`imports "${specifier}"`);
  }
  for (const global of ['Buffer', 'process', 'require', '__dirname', '__filename', 'global']) {
    // A global used as a value (`Buffer.from`, `process.env`, `require(`), not a property name (`x.process`).
    if (new RegExp(`(^|[^.\\w$'"])${global}\\b(?!\\s*:)`, 'm').test(code.replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""'))) {
      found.push(`uses ${global}`);
    }
  }
  return found;
}

describe('src/core purity', () => {
  it('the checker itself flags every forbidden pattern', () => {
    const bad = [
      "import * as vscode from 'vscode';",
      "import { readFileSync } from 'fs';",
      "import { join } from 'node:path';",
      "import type { X } from 'crypto';",
      "export { inspect } from 'util';",
      "const os = require('os');",
      "const cp = await import('child_process');",
      "import 'buffer';",
      'const b = Buffer.from("x");',
      'const e = process.env.HOME;',
      "import { x } from 'fs/promises';",
    ];
    for (const source of bad) assert.notDeepEqual(violations(source), [], source);
    assert.deepEqual(violations("import { base64url } from 'jose';\n// process the buffer\nconst s = 'require';\nobj.process = 1;"), []);
  });

  const files = sourceFiles(CORE);
  it('finds the core sources', () => assert.ok(files.length >= 3, `${files.length} files`));
  for (const file of files) {
    it(`${relative(CORE, file)} imports no vscode / Node built-in and uses no Node global`, () => {
      assert.deepEqual(violations(readFileSync(file, 'utf8')), []);
    });
  }
});
