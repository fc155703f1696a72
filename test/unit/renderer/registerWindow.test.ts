import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../shared/api/schemas';
import { REGISTER_PAGE_SIZE, RegisterWindowController, type PageReply } from '../../../renderer/src/data/registerWindowController';

// Issue 12: the register screen asks the server for pages of a view. These are the rules that keep
// typing smooth and correct: the old rows stay until the new ones come, and a late reply for
// older text never replaces the rows for newer text.

const row = (caseId: number) => ({ caseId, reference: `CME-2026-${caseId}` }) as RegisterRow;
type Q = { search: string };

/** A server whose replies the test releases one by one, in any order. */
function fakeServer(total: number) {
  const calls: { query: Q; offset: number; release: () => void }[] = [];
  const fetch = (query: Q, offset: number, limit: number) =>
    new Promise<PageReply<string>>((resolve) => {
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_x, i) => row(offset + i + 1));
      calls.push({ query, offset, release: () => resolve({ rows, total, summary: `summary for ${query.search}` }) });
    });
  return { calls, fetch };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RegisterWindowController', () => {
  it('asks for a new view\'s first page at once and keeps the previous rows until it arrives', async () => {
    const server = fakeServer(250);
    const c = new RegisterWindowController<Q, string>(server.fetch, () => undefined);
    c.setView('a', { search: 'a' });
    server.calls[0]!.release();
    await flush();
    expect(c.rowAt(0)?.caseId).toBe(1);
    c.setView('ab', { search: 'ab' });
    expect(server.calls[1]).toMatchObject({ query: { search: 'ab' }, offset: 0 });
    expect(c.stale).toBe(true);
    expect(c.rowAt(0)?.caseId).toBe(1); // still the rows for "a"
    server.calls[1]!.release();
    await flush();
    expect(c.stale).toBe(false);
    expect(c.state).toMatchObject({ key: 'ab', total: 250, summary: 'summary for ab' });
  });

  it('drops a late reply for an earlier view', async () => {
    const server = fakeServer(10);
    let changes = 0;
    const c = new RegisterWindowController<Q, string>(server.fetch, () => { changes++; });
    c.setView('s', { search: 's' });
    c.setView('sm', { search: 'sm' });
    server.calls[1]!.release(); // "sm" answers first
    await flush();
    server.calls[0]!.release(); // then the stale "s"
    await flush();
    expect(c.state?.key).toBe('sm');
    expect(c.state?.summary).toBe('summary for sm');
    expect(changes).toBe(1);
  });

  it('asks only for the pages on screen, once each, and not past the end', async () => {
    const server = fakeServer(350);
    const c = new RegisterWindowController<Q, string>(server.fetch, () => undefined);
    c.setView('v', { search: '' });
    server.calls[0]!.release();
    await flush();
    c.ensure(90, 130); // pages 0 (here) and 1
    c.ensure(95, 140); // page 1 again: already on its way
    expect(server.calls.map((x) => x.offset)).toEqual([0, REGISTER_PAGE_SIZE]);
    c.ensure(300, 10_000); // page 3 only: the view has 350 rows
    expect(server.calls.map((x) => x.offset)).toEqual([0, 100, 300]);
    expect(c.rowAt(150)).toBeUndefined();
    server.calls[1]!.release();
    await flush();
    expect(c.rowAt(150)?.caseId).toBe(151);
  });

  it('reload forgets the other pages and asks for the first again', async () => {
    const server = fakeServer(250);
    const c = new RegisterWindowController<Q, string>(server.fetch, () => undefined);
    c.setView('v', { search: '' });
    server.calls[0]!.release();
    await flush();
    c.ensure(100, 120);
    server.calls[1]!.release();
    await flush();
    expect(c.state?.pages.size).toBe(2);
    c.reload();
    server.calls[2]!.release();
    await flush();
    expect([...c.state!.pages.keys()]).toEqual([0]);
  });
});
