import { Secret } from 'otpauth';

/** RFC 4648 base32 of random bytes, through otpauth (no hand-rolled encoding). */
export const base32 = (bytes: Uint8Array): string => new Secret({ buffer: bytes.slice().buffer }).base32;
