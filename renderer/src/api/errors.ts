import type { AppErrorData } from '@shared/contract/errors';
import { ApiError } from './client';

/** Any failure as the contract's error shape; a thrown non-API error is an `internal` one. */
export function toErrorData(e: unknown): AppErrorData {
  return e instanceof ApiError ? e.data : { code: 'internal' };
}
