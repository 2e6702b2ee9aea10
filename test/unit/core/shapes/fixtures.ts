/** Reads the token-shape fixtures written by scripts/fixtures/shapes.mjs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../../fixtures/shapes');

export function fixtureText(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

export function fixtureJson<T>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
