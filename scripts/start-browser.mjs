#!/usr/bin/env node
// `npm run start:browser [-- --db PATH] [--port N]`: the browser host from its bundle
// (dist/host/main.mjs), rebuilt first — saying why — when it is missing or older than its sources.
import { pathToFileURL } from 'node:url';
import { ensureHostBundle } from './hostBundle.mjs';

let entry;
try {
  entry = await ensureHostBundle();
} catch {
  // esbuild has printed the errors (file, line and column) above.
  console.error('start-browser: the browser host could not be built; fix the errors above.');
  process.exit(1);
}
// In this process: the host reads the same arguments (--db, --port) from process.argv.
await import(pathToFileURL(entry).href);
