/**
 * Work the first view does not need waits until it is on screen (issue 16): `task` runs once the
 * frame being prepared has been painted, so it neither delays that frame nor competes with it.
 */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** After the paint and once the page is idle too (at most 2 s later): work for later views (other languages). */
export function whenIdleAfterPaint(task: () => void): void {
  afterPaint(() => requestIdleCallback(task, { timeout: 2000 }));
}
