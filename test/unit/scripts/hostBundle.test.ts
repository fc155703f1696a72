import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_ENTRY, HOST_MANIFEST, ROOT, hostBundleStale, type HostManifest } from '../../../scripts/hostBundle.mjs';
import { tempDir } from '../../helpers/tempDb';

// Issue 12: the browser host runs from its bundle (dist/host), and a bundle older than its sources
// is never run: hostBundleStale says why, and the launchers, the e2e harness and the bench rebuild it.

/** A project folder with two sources, and a manifest built from them at `builtAt`. */
function project(builtAt: number): { root: string; manifest: string } {
  const root = tempDir('panel-bundle-');
  fs.mkdirSync(path.join(root, 'src'));
  fs.mkdirSync(path.join(root, 'out'));
  for (const f of ['src/main.ts', 'src/rules.ts', 'out/main.mjs']) {
    fs.writeFileSync(path.join(root, f), '// source\n');
    fs.utimesSync(path.join(root, f), new Date(builtAt - 60_000), new Date(builtAt - 60_000));
  }
  const manifest = path.join(root, 'out', 'inputs.json');
  const m: HostManifest = { builtAt, inputs: ['src/main.ts', 'src/rules.ts'], outputs: ['out/main.mjs'] };
  fs.writeFileSync(manifest, JSON.stringify(m));
  return { root, manifest };
}

describe('the browser host bundle is never run stale', () => {
  const builtAt = Date.now() - 3_600_000;

  it('current when every source is older than the build', () => {
    const { root, manifest } = project(builtAt);
    expect(hostBundleStale(manifest, root)).toBeNull();
  });

  it('stale, naming the file, when a source changed after the build', () => {
    const { root, manifest } = project(builtAt);
    fs.utimesSync(path.join(root, 'src/rules.ts'), new Date(), new Date());
    expect(hostBundleStale(manifest, root)).toBe('src/rules.ts changed after it was built');
  });

  it('stale when a source is gone, an output is missing, or it was never built', () => {
    const a = project(builtAt);
    fs.rmSync(path.join(a.root, 'src/main.ts'));
    expect(hostBundleStale(a.manifest, a.root)).toBe('src/main.ts, which it was built from, is gone');
    const b = project(builtAt);
    fs.rmSync(path.join(b.root, 'out/main.mjs'));
    expect(hostBundleStale(b.manifest, b.root)).toBe('out/main.mjs is missing');
    expect(hostBundleStale(path.join(b.root, 'nowhere.json'), b.root)).toMatch(/has not been built yet/);
  });

  // npm test builds dist/host before the tests; a bare unit run may not have.
  it.skipIf(!fs.existsSync(HOST_MANIFEST))('the real manifest lists the host entry, the workers and the sources they come from', () => {
    const m = JSON.parse(fs.readFileSync(HOST_MANIFEST, 'utf8')) as HostManifest;
    expect(m.outputs).toContain(path.relative(ROOT, HOST_ENTRY));
    expect(m.outputs).toEqual(expect.arrayContaining(['dist/host/auditWorker.mjs', 'dist/host/integrityWorker.mjs']));
    expect(m.inputs).toEqual(expect.arrayContaining(['electron/server/main.ts', 'electron/server/hostServices.ts', 'electron/session/sessionHost.ts', 'db/integrityCheck.ts', 'scripts/hostBundle.mjs']));
  });
});
