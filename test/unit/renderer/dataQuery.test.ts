import { describe, expect, it } from 'vitest';
import { QueryController, type QueryState } from '../../../renderer/src/data/queryController';
import { InvalidationBus, matches } from '../../../renderer/src/data/invalidation';

/** A fetcher whose replies the test releases by hand, in any order. */
function manualFetcher<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const fetcher = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  return { fetcher, pending };
}

function setup<T>() {
  const f = manualFetcher<T>();
  const seen: QueryState<T>[] = [];
  const c = new QueryController<T>(f.fetcher, (s) => seen.push(s));
  return { c, pending: f.pending, seen };
}

describe('QueryController: stale replies', () => {
  it('a reply to an older request never overwrites a newer one, whatever order they arrive in', async () => {
    const { c, pending } = setup<string>();
    const first = c.refetch();
    const second = c.refetch();
    pending[1]!.resolve('newer');
    await second;
    pending[0]!.resolve('older');
    await first;
    expect(c.state).toEqual({ data: 'newer', error: null, loading: false });
  });

  it('an older request that fails after a newer one succeeded leaves no error', async () => {
    const { c, pending } = setup<string>();
    const first = c.refetch();
    const second = c.refetch();
    pending[1]!.resolve('newer');
    await second;
    pending[0]!.reject(new Error('The register is busy.'));
    await first;
    expect(c.state).toEqual({ data: 'newer', error: null, loading: false });
  });

  it('stays loading while the newest request is out, even when an older one answers', async () => {
    const { c, pending } = setup<string>();
    const first = c.refetch();
    void c.refetch();
    pending[0]!.resolve('older');
    await first;
    expect(c.state.loading).toBe(true);
    expect(c.state.data).toBeNull();
  });

  it('a value set by the page (a save’s reply) is not overwritten by a load sent before it', async () => {
    const { c, pending } = setup<string>();
    const load = c.refetch();
    c.setData('saved');
    pending[0]!.resolve('loaded before the save');
    await load;
    expect(c.state).toEqual({ data: 'saved', error: null, loading: false });
  });

  it('an error keeps the last good data and refetch clears it', async () => {
    const { c, pending } = setup<string>();
    const a = c.refetch();
    pending[0]!.resolve('rows');
    await a;
    const b = c.refetch();
    expect(c.state).toEqual({ data: 'rows', error: null, loading: true });
    pending[1]!.reject(new Error('Panel is not running.'));
    await b;
    expect(c.state).toEqual({ data: 'rows', error: 'Panel is not running.', loading: false });
    const d = c.refetch();
    pending[2]!.resolve('rows again');
    await d;
    expect(c.state).toEqual({ data: 'rows again', error: null, loading: false });
  });

  it('writes nothing after dispose (the page has gone)', async () => {
    const { c, pending, seen } = setup<string>();
    const a = c.refetch();
    const before = seen.length;
    c.dispose();
    pending[0]!.resolve('late');
    await a;
    await c.refetch();
    c.setData('later');
    expect(seen.length).toBe(before);
    expect(pending).toHaveLength(1);
  });
});

describe('InvalidationBus', () => {
  it('refetches the queries a write names, by method or by domain, and no others', () => {
    const bus = new InvalidationBus();
    const hits: string[] = [];
    bus.subscribe('actions.list', () => hits.push('actions.list'));
    bus.subscribe('actions.forMeeting', () => hits.push('actions.forMeeting'));
    const off = bus.subscribe('register.list', () => hits.push('register.list'));
    bus.subscribe('dashboard.get', () => hits.push('dashboard.get'));
    expect(bus.invalidate(['actions.', 'dashboard.get'])).toBe(3);
    expect(hits).toEqual(['actions.list', 'actions.forMeeting', 'dashboard.get']);
    off();
    expect(bus.invalidate(['register.list'])).toBe(0);
  });

  it.each([
    ['actions.', 'actions.list', true],
    ['actions.', 'actionsX.list', false],
    ['actions.list', 'actions.list', true],
    ['actions.list', 'actions.listAll', false],
    ['register.', 'registerView.get', false],
  ])('%s matches %s: %s', (target, method, expected) => {
    expect(matches(target, method)).toBe(expected);
  });
});
