import { ensureHostBundle } from '../../scripts/hostBundle.mjs';

/**
 * Once per end-to-end run: the browser host's bundle (dist/host), which startHost runs, is rebuilt
 * when it is missing or older than any of its sources, so a test never drives yesterday's host.
 */
export default async function setup(): Promise<void> {
  await ensureHostBundle((line) => console.log(`[e2e] ${line}`));
}
