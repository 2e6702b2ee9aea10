// Adds the inspector page's words (src/present/inspector/strings.ts) and the labels and
// explanations of the core's claim and header-parameter registry (src/core/claims.ts) and the
// algorithms' cost notes (src/core/algorithms.ts), which the inspector's view model writes through l10n.t, to the English runtime bundle,
// l10n/bundle.l10n.json: they reach l10n.t as variables, which `l10n-dev export` does not see
// (as scripts/l10n-core.mjs does for the finding templates).
// Keeps every other entry as it is. The l10n unit test fails when one is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEBVIEW_STRINGS } from '../src/present/inspector/strings.ts';
import { CLAIMS, HEADER_PARAMETERS } from '../src/core/claims.ts';
import { COST_NOTES } from '../src/core/algorithms.ts';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'l10n', 'bundle.l10n.json');
const bundle = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
const registry = [...[...CLAIMS.values(), ...HEADER_PARAMETERS.values()].flatMap((r) => [r.label, r.description]), ...COST_NOTES];
for (const text of [...Object.values(WEBVIEW_STRINGS), ...registry]) {
  if (!(text in bundle)) {
    bundle[text] = text;
    added++;
  }
}
writeFileSync(file, JSON.stringify(bundle, null, 2));
console.log(`l10n/bundle.l10n.json: ${added} inspector strings and registry texts added, ${Object.keys(bundle).length} strings`);
