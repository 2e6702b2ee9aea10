// Adds the core's finding and message templates (src/core/findingTexts.ts) to the English runtime bundle,
// l10n/bundle.l10n.json: `l10n-dev export` sees only string literals passed to l10n.t, and the
// present layer passes these as variables (present/findingText.ts). Templates of placeholders
// only (`{0}`) are the same in every language and stay out. Keeps every other entry as it is.
// Run after the export: `npm run l10n` does both. The l10n unit test fails when one is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINDING_TEXTS, MESSAGE_TEXTS } from '../src/core/findingTexts.ts';
import { findingExplanations } from '../src/present/findingHelp.ts';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'l10n', 'bundle.l10n.json');
const bundle = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
// The finding templates, the other core sentences, and what each code means (the inspector's Explain).
const templates = [...Object.values(FINDING_TEXTS).flatMap((t) => [t.message, t.evidence]), ...Object.values(MESSAGE_TEXTS), ...findingExplanations()];
{
  for (const template of templates) {
    if (/\p{L}/u.test(template) && !(template in bundle)) {
      bundle[template] = template;
      added++;
    }
  }
}
writeFileSync(file, JSON.stringify(bundle, null, 2));
console.log(`l10n/bundle.l10n.json: ${added} core templates added, ${Object.keys(bundle).length} strings`);
