import { isClientErrorCode, type ClientErrorCode, type ClientErrorParams } from './contract/errors';
import type { IdentityErrorCode, IdentityErrorParams } from './identity-api/errors';

export type { AppErrorData } from './contract/errors';

/**
 * Errors cross every boundary (IPC, browser-host HTTP, identity API) as data, never as thrown
 * exceptions: `{ ok: true, value } | { ok: false, error }` as Signal and Mullvad do it. The
 * codes and the params each one carries are declared once: the client's in
 * shared/contract/errors.ts, the identity server's in shared/identity-api/errors.ts.
 */
export type { Result } from './all-ok';

/** A code of either catalogue: main raises client codes, the identity mock its server codes. */
export type ErrorCode = ClientErrorCode | IdentityErrorCode;
type ParamsMap = { [K in ClientErrorCode]: ClientErrorParams<K> } & { [K in IdentityErrorCode]: IdentityErrorParams<K> };
export type ErrorParams<C extends ErrorCode> = ParamsMap[C];
type DataMap = { [K in ErrorCode]: { code: K; params?: ParamsMap[K] } };

/** Thrown inside services for an expected failure; turned into a `Result` at the boundary. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams<C> | undefined;
  /** The identity server's own code behind a client code (error-map.ts), for the few places that react to one. */
  readonly serverCode: IdentityErrorCode | undefined;
  constructor(code: C, params?: ErrorParams<C>, options?: { cause?: unknown; serverCode?: IdentityErrorCode }) {
    super(code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.serverCode = options?.serverCode;
  }
  toData(): DataMap[C] {
    return (this.params ? { code: this.code, params: this.params } : { code: this.code }) as DataMap[C];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
/** An AppError with a client code (shared/contract/errors.ts): the only kind that may cross to the renderer. */
export const isClientError = (e: unknown): e is AppError<ClientErrorCode> => e instanceof AppError && isClientErrorCode(e.code);

/** For states the type system cannot rule out but the code must never reach. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}
