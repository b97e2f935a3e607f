import type { AppErrorData } from '@shared/result';

export const MANUAL_FIELDS = ['issuer', 'label', 'secret', 'type', 'algorithm', 'digits', 'period', 'counter'] as const;
export type ManualField = (typeof MANUAL_FIELDS)[number];
export type AddField = ManualField | 'uri';

/** Fields under "Advanced", so the form can open that section when one of them is wrong. */
export const ADVANCED_FIELDS: readonly AddField[] = ['type', 'algorithm', 'digits', 'period', 'counter'];

const MANUAL_CODE_FIELDS: Partial<Record<AppErrorData['code'], ManualField>> = {
  'otp.secret-missing': 'secret',
  'otp.secret-invalid-base32': 'secret',
  'otp.secret-too-short': 'secret',
  'otp.secret-too-long': 'secret',
  'otp.name-missing': 'issuer',
  'otp.unsupported-type': 'type',
  'otp.unsupported-algorithm': 'algorithm',
  'otp.unsupported-digits': 'digits',
  'otp.invalid-period': 'period',
  'otp.invalid-counter': 'counter',
};

/**
 * Which field of the add form an error from the vault belongs to, so it is shown (and announced)
 * next to that field; null means it concerns the whole form (a duplicate, a locked keychain).
 */
export function fieldOfError(error: AppErrorData, source: 'manual' | 'uri'): AddField | null {
  const payloadField = error.code === 'field.invalid' ? (error.params?.field ?? '') : null;
  if (source === 'uri') return error.code.startsWith('otp.') || payloadField === 'uri' ? 'uri' : null;
  if (payloadField !== null) return (MANUAL_FIELDS as readonly string[]).includes(payloadField) ? (payloadField as ManualField) : null;
  return MANUAL_CODE_FIELDS[error.code] ?? null;
}
