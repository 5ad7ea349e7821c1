/**
 * Work for when the browser is idle, with a timer where it has no
 * requestIdleCallback (Safari): `timeout` bounds the wait for an idle
 * moment, `fallback` is the timer's delay. The callback gets the idle
 * moment's deadline, none from the timer.
 */
export function requestIdle(callback: (deadline?: IdleDeadline) => void, timeout: number, fallback: number): number {
  return typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback, { timeout })
    : window.setTimeout(() => callback(), fallback);
}

export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
