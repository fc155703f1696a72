/** Opens (or brings back) the room's screen in its own window; sessionStorage, with the browser host's token, goes with it. */
export function openProjector(id: number): void {
  window.open(`${location.pathname}${location.search}#/projector/${id}`, 'panel-projector');
}
