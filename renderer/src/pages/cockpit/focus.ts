/**
 * Moves focus after a save only if the minute-taker hasn't moved on while it was in flight: focus
 * is still inside `scope` (the form that saved) or nowhere. A fast typist's next shortcut wins.
 */
export function focusIfStill(target: HTMLElement | null, scope: HTMLElement | null): void {
  const active = document.activeElement;
  if (!target) return;
  if (active === null || active === document.body || (scope !== null && scope.contains(active))) target.focus();
}
