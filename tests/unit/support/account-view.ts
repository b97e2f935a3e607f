import type { AccountView } from '@shared/contract';

/**
 * One authenticator account as main lists it: GitHub's TOTP with a live code and the next one,
 * twelve seconds left; `over` changes what a test is about.
 */
export function accountView(over: Partial<AccountView> = {}): AccountView {
  return {
    id: '0b6f3c9e-1d2a-4c5b-9e8f-7a6b5c4d3e2f',
    type: 'totp',
    issuer: 'GitHub',
    label: 'anna@example.com',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: null,
    pinned: false,
    position: 0,
    groups: [],
    lastUsedAt: null,
    code: '123456',
    nextCode: '654321',
    validUntil: Date.now() + 12_000,
    ...over,
  };
}
