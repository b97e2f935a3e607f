import type { AppErrorData } from './contract/errors';

/**
 * Errors cross every boundary (IPC, browser-host HTTP, identity API) as data, never as thrown
 * exceptions: `{ ok: true, value } | { ok: false, error }` (see ./result.ts). This file holds the
 * parts the renderer needs at run time and imports nothing with zod in it, so the renderer's
 * start path stays free of the contract's schemas.
 */
export type Result<T, E = AppErrorData> = { ok: true; value: T } | { ok: false; error: E };

/** Two calls' results as one: both values, or the first error. */
export function allOk<A, B>([a, b]: readonly [Result<A>, Result<B>]): Result<[A, B]> {
  if (!a.ok) return a;
  if (!b.ok) return b;
  return { ok: true, value: [a.value, b.value] };
}
