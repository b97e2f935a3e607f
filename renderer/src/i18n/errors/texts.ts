import type { ClientErrorCode } from '@shared/contract/errors';

/** The reasons core gives for an unreadable otpauth link (`otp.invalid-uri` `reason`); any other reads as `other`. */
export const URI_REASONS = [
  'syntax', 'host', 'type-missing', 'counter-missing', 'too-long', 'data-missing', 'base64', 'protobuf', 'batch', 'no-accounts',
  'duplicate-data', 'data-encoding', 'digits-not-a-number', 'period-not-a-number', 'counter-not-a-number', 'duplicate-param', 'label-encoding',
  'other',
] as const;
export type UriReason = (typeof URI_REASONS)[number];

/**
 * The request fields a refusal (`field.invalid`) is worded for, by the first segment of its path
 * ("emailDomains.1" is `emailDomains`). `imageTooBig` is `imageBase64` refused for its size; any
 * other field reads as `other`.
 */
export const FIELDS = [
  'email', 'phone', 'code', 'token', 'url', 'emailDomains', 'ssoProviderName', 'imageBase64', 'imageTooBig', 'uri', 'issuer', 'label',
  'secret', 'password', 'other',
] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * Codes worded in more than one way, and how: by whether a param is there (`session.locked` with
 * or without the minutes), by a reason, by the field. Every other code has one text.
 */
interface Variants {
  'field.invalid': Record<FieldName, string>;
  'session.locked': { minutes: string; unknown: string };
  'session.too-many-attempts': { minutes: string; now: string };
  'prep.code-wrong': { attemptsLeft: string; unknown: string };
  'session.wrong-code': { attemptsLeft: string; unknown: string };
  'session.reused-code': { attemptsLeft: string; unknown: string };
  'prep.rate-limited': { seconds: string; unknown: string };
  'admin.rate-limited': { seconds: string; minutes: string; unknown: string };
  'otp.invalid-uri': { text: string; reason: Record<UriReason, string> };
}

/**
 * Every client code's text in one language. sv.ts and en.ts are checked against this with
 * `satisfies`, so a code added to the catalogue without its texts does not compile.
 */
export type ErrorTexts = { readonly [C in ClientErrorCode]: C extends keyof Variants ? Variants[C] : string };
