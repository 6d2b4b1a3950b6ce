// import as Node documents it
import shout, { greeting } from 'esm-only';
import withExports, { kind } from 'with-exports';
import withMain from 'with-main';
import { name } from 'with-main';
import feature from 'with-exports/feature';
import { readFileSync } from 'node:fs';
import fs from 'fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

console.log(shout('hi'), greeting);
console.log(withExports, kind);
console.log(withMain, name, feature);
console.log(typeof readFileSync, fs.readFileSync === readFileSync, path.basename(fileURLToPath(import.meta.url)));
const dynamic = await import('with-exports');
console.log(dynamic.kind, Object.keys(dynamic).sort());
const json = await import('./lib/data.json', { with: { type: 'json' } });
console.log(json.default);
try {
  await import('no-such-package');
} catch (error) {
  console.log('missing import threw', error instanceof Error);
}
