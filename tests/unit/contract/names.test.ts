import { describe, expect, it } from 'vitest';
import { channels, events } from '@shared/contract';
import * as app from '@shared/contract/app';
import * as vault from '@shared/contract/vault';
import * as prep from '@shared/contract/preparation';
import * as scan from '@shared/contract/scan';
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  LOCALES,
  MAX_SCAN_IMAGE_BYTES,
  OTP_ALGORITHMS,
  OTP_DIGITS,
  PREP_CODE_VALID_MINUTES,
  isChannelName,
  isEventName,
} from '@shared/contract/names';

describe('the zod-free name list (shared/contract/names.ts)', () => {
  it('names exactly the channels of the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(channels).sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('names exactly the events of the contract', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('is the one source of the constants the schemas use', () => {
    expect(app.LOCALES).toBe(LOCALES);
    expect(vault.OTP_ALGORITHMS).toBe(OTP_ALGORITHMS);
    expect(vault.OTP_DIGITS).toBe(OTP_DIGITS);
    expect(prep.PREP_CODE_VALID_MINUTES).toBe(PREP_CODE_VALID_MINUTES);
    expect(scan.MAX_SCAN_IMAGE_BYTES).toBe(MAX_SCAN_IMAGE_BYTES);
  });

  it('accepts contract names only, not inherited properties', () => {
    expect(isChannelName('vault.listAccounts')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName(42)).toBe(false);
    expect(isEventName('vault.changed')).toBe(true);
    expect(isEventName('constructor')).toBe(false);
  });
});
