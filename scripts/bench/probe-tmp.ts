import { startHost, signInHost } from '/work/wt12e/scripts/bench/host';
import { BENCH_USER, registerFile } from '/work/wt12e/scripts/bench/registers';
import { launch, newContext, openAt } from '/work/wt12e/scripts/bench/browser';

const host = await startHost(registerFile(50_000, '/work/wt12e/.cache'));
await signInHost(host, BENCH_USER);
const browser = await launch();
try {
  const context = await newContext(browser);
  const page = await openAt(context, host, '#/register');
  await page.waitForSelector('.reg-page[data-rows="local"]', { state: 'attached', timeout: 120_000 });
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/reg-50k-open.png' });
  const box = page.getByLabel('Search the register');
  await box.focus();
  const out: string[] = [];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (const text of ['s', 'sm', 'smi', 'smit', 'smith', 'smit', 'q', '', 'q', '']) {
    const r = await page.evaluate((t) => new Promise<string>((resolve) => {
      const input = document.querySelector<HTMLInputElement>('.reg-search input')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const t0 = performance.now();
      setValue.call(input, t);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      requestAnimationFrame(() => {
        const t2 = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(`${JSON.stringify(t)} js ${(t1 - t0).toFixed(1)} rAF ${(t2 - t0).toFixed(1)} painted ${(performance.now() - t0).toFixed(1)} ${document.querySelector('.reg-counts')?.textContent}`);
        ch.port2.postMessage(0);
      });
    }), text);
    out.push(r);
    await page.waitForTimeout(100);
  }
  console.log(out.join('\n'));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount: number }[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms  ${k}`).join('\n'));
  await box.fill('smit');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/reg-50k-typing.png' });
} finally {
  await browser.close();
  await host.stop();
}
