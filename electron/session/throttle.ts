/**
 * Failed sign-ins are slowed down (issue 13): the first two wrong passwords for a name cost
 * nothing more than scrypt's own ~0.1 s; from the third, the next try must wait 5 s, then 10, 20,
 * 40 ... up to 5 minutes, until a right password clears the count. Guessing a ten-character
 * password at that rate is hopeless, while a person who mistypes twice is never held up.
 */
export const FREE_TRIES = 2;
export const FIRST_WAIT_SECONDS = 5;
export const MAX_WAIT_SECONDS = 300;

/** Seconds to wait after `failures` wrong passwords in a row before the next try is heard. */
export function waitSecondsAfter(failures: number): number {
  if (failures <= FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES - 1));
}

/** Whole seconds still to wait at `nowMs`, given the count and the time of the last failure (0 = may try). */
export function secondsToWait(failure: { count: number; lastAt: string } | undefined, nowMs: number): number {
  if (!failure) return 0;
  const until = Date.parse(failure.lastAt) + waitSecondsAfter(failure.count) * 1000;
  return Math.max(0, Math.ceil((until - nowMs) / 1000));
}
