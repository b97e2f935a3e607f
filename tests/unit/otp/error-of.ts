import { isClientError, type AppErrorData } from '@shared/result';

/** The AppError a call throws, as data (code + params), or undefined when it does not throw. */
export function errorOf(fn: () => unknown): AppErrorData | undefined {
  try {
    fn();
  } catch (e) {
    if (isClientError(e)) return e.toData();
    throw e;
  }
  return undefined;
}
