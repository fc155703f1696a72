import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Which folder may import what (ARCHITECTURE.md "One contract, one dispatcher, two transports").
 * The per-folder tsconfig files keep DOM and Node globals out of the wrong places; this test keeps
 * out the imports the compiler cannot see as wrong: a relative path into another layer, a Node
 * built-in in the renderer, 'electron' in a service.
 */

const root = path.resolve(__dirname, '../..');

/** What an import specifier points at: a repository path, a Node built-in, or a package. */
type Target = { kind: 'local'; path: string } | { kind: 'node'; name: string } | { kind: 'package'; name: string };

const builtins = new Set(builtinModules);

function classify(fromFile: string, specifier: string): Target {
  if (specifier.startsWith('.')) {
    return { kind: 'local', path: path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier)) };
  }
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!)) return { kind: 'node', name: specifier };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

interface Rule {
  /** Files under this folder (the most specific rule wins). */
  zone: string;
  /** Repository folders (ending in /) or files (without extension) its relative imports may reach. */
  local: string[];
  /** Whether Node built-ins are allowed. */
  node: boolean;
  /** Packages it may import: any package but Electron's, or exactly these. */
  packages: 'any' | string[];
  why: string;
}

/** Electron's API exists only in the desktop shell; everything else must run in plain Node or a browser. */
const ELECTRON_ONLY = new Set(['electron']);

const RULES: Rule[] = [
  { zone: 'shared/', local: ['shared/'], node: false, packages: ['zod'], why: 'shared/ is pure TypeScript imported by every side: only shared/ and zod' },
  {
    zone: 'renderer/',
    local: ['renderer/', 'shared/'],
    node: false,
    packages: ['react', 'react-dom', '@tanstack/react-table', '@tanstack/react-virtual', 'recharts', 'zod'],
    why: 'the renderer talks to the register only through the typed client: renderer/, shared/ and browser packages',
  },
  // The demo register is made by driving the real services, so the same rules apply to it.
  { zone: 'db/demo/', local: ['db/', 'shared/', 'electron/services/'], node: true, packages: 'any', why: 'the demo generator uses db/, shared/ and the services, never a host' },
  { zone: 'db/', local: ['db/', 'shared/'], node: true, packages: 'any', why: 'db/ is below the services: only db/ and shared/' },
  {
    zone: 'electron/services/',
    local: ['electron/services/', 'electron/dispatch', 'db/', 'shared/'],
    node: true,
    packages: 'any',
    why: 'services implement the contract over db/ and never import a host or Electron',
  },
  { zone: 'electron/desktop/', local: ['electron/', 'db/', 'shared/'], node: true, packages: 'any', why: 'the desktop shell wires Electron to the dispatcher' },
  {
    zone: 'electron/',
    local: ['electron/dispatch', 'electron/createApp', 'electron/registerSession', 'electron/server/', 'electron/services/', 'db/', 'shared/'],
    node: true,
    packages: 'any',
    why: 'the dispatcher and the browser host run in plain Node: no Electron, no desktop shell, no renderer',
  },
];

function ruleFor(file: string): Rule | undefined {
  return RULES.filter((r) => file.startsWith(r.zone)).sort((a, b) => b.zone.length - a.zone.length)[0];
}

/** Why `file` may not import `specifier`, or null when it may. */
function violation(file: string, specifier: string): string | null {
  const rule = ruleFor(file);
  if (!rule) return null;
  const target = classify(file, specifier);
  const ok =
    target.kind === 'local'
      ? rule.local.some((l) => (l.endsWith('/') ? target.path.startsWith(l) || target.path === l.slice(0, -1) : target.path === l))
      : target.kind === 'node'
        ? rule.node
        : rule.packages === 'any'
          ? !(ELECTRON_ONLY.has(target.name) && rule.zone !== 'electron/desktop/')
          : rule.packages.includes(target.name);
  return ok ? null : `${file} imports '${specifier}': ${rule.why}`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|tsx|mts|mjs|cjs|js)$/.test(e.name) ? [rel] : [];
  });
}

/** Static imports, re-exports, `import()` and `require()`: TypeScript's own pre-processor finds them all. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

describe('the rules themselves', () => {
  it.each([
    ['shared/domain/clocks.ts', './dates', null],
    ['shared/api/contract.ts', '../domain/vocab', null],
    ['shared/api/contract.ts', 'zod', null],
    ['shared/domain/dates.ts', 'node:fs', 'shared/'],
    ['shared/domain/dates.ts', 'react', 'shared/'],
    ['shared/api/errors.ts', '../../db/open', 'shared/'],
    ['renderer/src/App.tsx', '../../shared/api/contract', null],
    ['renderer/src/App.tsx', 'react', null],
    ['renderer/src/App.tsx', '../../electron/dispatch', 'renderer'],
    ['renderer/src/pages/X.tsx', '../../../db/open', 'renderer'],
    ['renderer/src/lib/x.ts', 'node:path', 'renderer'],
    ['renderer/src/lib/x.ts', 'fs', 'renderer'],
    ['renderer/src/lib/x.ts', 'better-sqlite3', 'renderer'],
    ['db/open.ts', 'better-sqlite3', null],
    ['db/open.ts', '../shared/api/errors', null],
    ['db/open.ts', '../electron/services/context', 'db/'],
    ['db/demo/register.ts', '../../electron/services/items', null],
    ['db/demo/register.ts', '../../electron/server/http', 'demo'],
    ['db/demo/register.ts', 'electron', 'demo'],
    ['electron/services/cases.ts', '../../db/audit', null],
    ['electron/services/index.ts', '../dispatch', null],
    ['electron/services/cases.ts', 'electron', 'services'],
    ['electron/services/cases.ts', '../server/http', 'services'],
    ['electron/services/register/list.ts', '../../desktop/ipc', 'services'],
    ['electron/server/main.ts', '../services', null],
    ['electron/server/main.ts', 'electron', 'plain Node'],
    ['electron/server/main.ts', '../desktop/ipc', 'plain Node'],
    ['electron/server/main.ts', '../../renderer/src/App', 'plain Node'],
    ['electron/desktop/main.ts', 'electron', null],
    ['electron/desktop/pdf.ts', '../server/documentTemplates', null],
    ['electron/desktop/main.ts', '../../renderer/src/api/client', 'desktop'],
  ])('%s importing %s', (file, specifier, expected) => {
    const v = violation(file, specifier);
    if (expected === null) expect(v).toBeNull();
    else expect(v).toContain(expected);
  });
});

describe('the source tree', () => {
  const files = ['shared', 'renderer', 'db', 'electron'].flatMap(sourceFiles);

  it('finds the source of every layer (so the rules are not checking nothing)', () => {
    for (const zone of ['shared/api/', 'shared/domain/', 'renderer/src/', 'db/migrations/', 'electron/services/', 'electron/server/', 'electron/desktop/']) {
      expect(files.filter((f) => f.startsWith(zone)).length, zone).toBeGreaterThan(2);
    }
  });

  it('keeps every import within its layer', () => {
    const problems = files.flatMap((file) => importsOf(file).map((spec) => violation(file, spec)).filter((v): v is string => v !== null));
    expect(problems).toEqual([]);
  });
});
