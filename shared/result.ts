import { z } from 'zod';

/**
 * Errors cross every boundary (IPC, browser-host HTTP, identity API) as data, never as thrown
 * exceptions: `{ ok: true, value } | { ok: false, error }` as Signal and Mullvad do it.
 * `code` is stable and machine-readable; the renderer maps it to a translated message.
 * `params` carries the few values a message needs (minutes left, attempts left, a field name).
 */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export const AppErrorDataSchema = z.object({
  code: z.string().min(1).max(100),
  params: ErrorParamsSchema.optional(),
});
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, params?: AppErrorData['params']): Result<never> => ({
  ok: false,
  error: params ? { code, params } : { code },
});

/** Thrown inside services for an expected failure; turned into a `Result` at the boundary. */
export class AppError extends Error {
  readonly code: string;
  readonly params: AppErrorData['params'];
  constructor(code: string, params?: AppErrorData['params'], options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
  toData(): AppErrorData {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** For states the type system cannot rule out but the code must never reach. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function missingCaseError(x: never): Error {
  return new TypeError(`Unhandled case: ${String(x)}`);
}
