import type { AppErrorData } from '@shared/contract/errors';

/**
 * The catalogue's check of error data (shared/contract/errors.ts) needs zod, which stays off the
 * renderer's start path (issue 16; tests/unit/build/start-path.test.ts): it is imported with the
 * first error that comes back from main (`loadErrorCheck`, awaited by the contract client), and
 * `checkErrorData` uses it from then on. Until then no error from main has been shown, so what
 * reaches `checkErrorData` is error data the renderer made itself (typed at compile time): only its
 * shape is checked.
 */
type Parse = (raw: unknown) => AppErrorData;

let parse: Parse | undefined;
let loading: Promise<Parse> | undefined;

export function loadErrorCheck(): Promise<Parse> {
  loading ??= import('@shared/contract/errors').then((m) => (parse = m.parseAppErrorData));
  return loading;
}

function isErrorData(x: unknown): x is AppErrorData {
  return typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string' && !(x instanceof Error);
}

/** Error data as the catalogue declares it; anything else (a thrown bug, an undeclared code once the check is loaded) is `internal`. */
export function checkErrorData(x: unknown): AppErrorData {
  if (!isErrorData(x)) return { code: 'internal' };
  if (parse) return parse(x);
  const params = (x as { params?: unknown }).params;
  return params === undefined || (typeof params === 'object' && params !== null) ? x : { code: 'internal' };
}
