import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { isHashedAsset } from '../../../electron/server/http';
import { PRINT_ENTRY } from '../../../electron/server/documentPdf';

// Issue 12: PDFs print from the lean print entry, whose built assets a window may keep.
describe('the lean print entry', () => {
  it('is a page of its own in the renderer build, and documentPdf prints from it', () => {
    expect(PRINT_ENTRY).toBe('print.html');
    const html = fs.readFileSync(path.resolve('renderer', PRINT_ENTRY), 'utf8');
    expect(html).toContain('src="./src/print.tsx"');
    // The same Content-Security-Policy as the app's page.
    const csp = (page: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(csp(html)).toBe(csp(fs.readFileSync(path.resolve('renderer/index.html'), 'utf8')));
    const config = fs.readFileSync(path.resolve('vite.config.ts'), 'utf8');
    expect(config).toMatch(/print: 'renderer\/print\.html'/);
  });

  it.each([
    ['/assets/index-CrkqN9hu.js', true],
    ['/assets/styles-llMkHJxa.css', true],
    ['/assets/print-I3TsOjzs.js', true],
    ['/index.html', false],
    ['/print.html', false],
    ['/favicon.svg', false],
    ['/assets/index.js', false],
    ['/assets/../index-CrkqN9hu.js', false],
    ['/api/register.list', false],
  ])('treats %s as a content-hashed asset: %s', (rel, expected) => {
    expect(isHashedAsset(rel)).toBe(expected);
  });
});
