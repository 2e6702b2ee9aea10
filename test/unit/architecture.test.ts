// The layers of docs/architecture.md, checked on the import graph of src/: a folder imports
// only the layers below it, so the folder list reads as the architecture.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { CommandIds } from '../../src/model/commandIds';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Which src/ layers each layer may import (besides itself and npm packages). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  present: ['core'],
  cli: ['core', 'present'],
  model: ['core', 'present'],
  features: ['core', 'present', 'model'],
  commands: ['core', 'present', 'model'],
  webview: ['core', 'present', 'model'],
  extension: ['core', 'present', 'model', 'features', 'commands', 'webview'],
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

describe('architecture: layer imports', () => {
  const violations: string[] = [];
  for (const file of sources(SRC)) {
    const from = layerOf(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      if (target.endsWith('.json') && !target.startsWith(SRC)) continue; // package.json (version)
      const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (to === from) continue;
      if (!(ALLOWED[from] ?? []).includes(to)) violations.push(`${path.relative(SRC, file)} imports ${m[1]} (${from} → ${to})`);
    }
  }
  it('every import goes to an allowed layer', () => {
    assert.deepEqual(violations, []);
  });
  it('core uses no vscode and no Node built-in', () => {
    for (const file of sources(path.join(SRC, 'core')).concat(sources(path.join(SRC, 'present')))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!/from\s+['"](vscode|node:[^'"]+|fs|path|os|crypto|child_process)['"]/.test(text), `${path.relative(SRC, file)} imports vscode or a Node built-in`);
    }
  });
});

describe('architecture: one table of command ids', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(SRC, '..', 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  it('CommandIds lists exactly the commands package.json contributes', () => {
    assert.deepEqual(Object.values(CommandIds).sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });
  it('every id is registered in src/commands/index.ts and nowhere else', () => {
    const registering = sources(SRC).filter((f) => /registerCommand\(/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(registering.map((f) => path.relative(SRC, f)), [path.join('commands', 'index.ts')]);
    const index = fs.readFileSync(path.join(SRC, 'commands', 'index.ts'), 'utf8');
    for (const key of Object.keys(CommandIds)) assert.match(index, new RegExp(`registerCommand\\(CommandIds\\.${key}\\b`), key);
  });
});
