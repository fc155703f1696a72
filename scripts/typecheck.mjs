// Type-checks every folder project (see "How it is built" in the README), as many at once as there are cores:
// each project is its own boundary (shared/ without DOM or Node, renderer/ DOM only, ...), and checking them one after
// another took most of CI's type-check minutes.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const projects = [
  'tsconfig.json',
  'electron/desktop/tsconfig.json',
  'renderer/tsconfig.json',
  'db/tsconfig.json',
  'electron/tsconfig.json',
  'shared/tsconfig.json',
];
const tsc = path.resolve('node_modules/typescript/bin/tsc');
const width = Math.max(1, Math.min(projects.length, os.cpus().length));

function check(project) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${project} (${secs} s)`);
      if (out.trim()) console.log(out.trimEnd());
      resolve(code === 0);
    });
  });
}

const queue = [...projects];
const results = await Promise.all(
  Array.from({ length: width }, async () => {
    let ok = true;
    for (let p = queue.shift(); p; p = queue.shift()) ok = (await check(p)) && ok;
    return ok;
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
