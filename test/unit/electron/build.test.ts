import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import viteConfig from '../../../vite.config';
import { secureWebPreferences } from '../../../electron/desktop/security';

const root = path.resolve(__dirname, '../../..');

// Issue 11: the desktop build flips Electron's fuses, ships no source maps, and turns spellcheck off.
describe('the desktop build', () => {
  const text = fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8');
  // The two parts of the YAML this checks, read by hand (no YAML parser among the dependencies).
  const block = /^electronFuses:\n((?: {2}\w+: \w+(?: *#.*)?\n)+)/m.exec(text)?.[1] ?? '';
  const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (\w+)/gm)].map((m) => [m[1], m[2] === 'true' ? true : m[2] === 'false' ? false : m[2]]));
  const config = { electronFuses: fuses, asar: /^asar: true$/m.test(text), files: [...text.matchAll(/^ {2}- "?([^"\n]+)"?$/gm)].map((m) => m[1]) };

  it('sets the Electron fuses electron-builder 26 flips at package time', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('names only fuse options electron-builder knows (a misspelt one would be ignored)', () => {
    const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> };
    const known = Object.keys(scheme.definitions.FuseOptionsV1!.properties);
    for (const k of Object.keys(config.electronFuses as object)) expect(known).toContain(k);
  });

  it('ships no source maps', () => {
    expect(config.files).toContain('!**/*.map');
    expect((viteConfig as { build: { sourcemap: unknown } }).build.sourcemap).toBe(false);
    expect(fs.readFileSync(path.join(root, 'scripts/build-electron.mjs'), 'utf8')).toMatch(/sourcemap: false/);
  });

  it('turns spellcheck off (it may fetch dictionaries; Panel sends nothing anywhere)', () => {
    expect(secureWebPreferences.spellcheck).toBe(false);
  });
});
