// Adds the inspector page's words (src/present/inspector/strings.ts) to the English runtime
// bundle, l10n/bundle.l10n.json: the host passes them to l10n.t as variables, which
// `l10n-dev export` does not see (as scripts/l10n-core.mjs does for the finding templates).
// Keeps every other entry as it is. The l10n unit test fails when one is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEBVIEW_STRINGS } from '../src/present/inspector/strings.ts';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'l10n', 'bundle.l10n.json');
const bundle = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const text of Object.values(WEBVIEW_STRINGS)) {
  if (!(text in bundle)) {
    bundle[text] = text;
    added++;
  }
}
writeFileSync(file, JSON.stringify(bundle, null, 2));
console.log(`l10n/bundle.l10n.json: ${added} inspector strings added, ${Object.keys(bundle).length} strings`);
