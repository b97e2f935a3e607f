// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { AccountView } from '@shared/contract';
import { isSearchShortcut, NO_GROUP, organise } from '../../../renderer/src/views/authenticator/organise';
import { serviceIcon } from '../../../renderer/src/views/authenticator/service-icons';
import { accountView } from '../support/account-view';

const acc = (issuer: string, over: Partial<AccountView> = {}): AccountView =>
  accountView({ id: issuer, issuer, label: 'anna', nextCode: null, validUntil: null, ...over });

describe('organise (filter and sort of the accounts shown)', () => {
  const list = [
    acc('Zeta', { groups: ['Work'], lastUsedAt: 5 }),
    acc('alpha', { lastUsedAt: 9 }),
    acc('Mid', { pinned: true }),
    acc('beta', { groups: ['work', 'Home'] }),
  ];

  it('my order and no filter: the same array, not a copy', () => {
    expect(organise(list, { text: '', group: '', sort: 'manual' })).toBe(list);
  });

  it('by name (case-insensitive) and by recent use, pinned first in both; ties keep my order', () => {
    expect(organise(list, { text: '', group: '', sort: 'name' }).map((a) => a.issuer)).toEqual(['Mid', 'alpha', 'beta', 'Zeta']);
    expect(organise(list, { text: '', group: '', sort: 'recent' }).map((a) => a.issuer)).toEqual(['Mid', 'alpha', 'Zeta', 'beta']);
  });

  it('filters by search text and by group (any case), or by no group', () => {
    expect(organise(list, { text: 'ET', group: '', sort: 'manual' }).map((a) => a.issuer)).toEqual(['Zeta', 'beta']);
    expect(organise(list, { text: '', group: 'WORK', sort: 'manual' }).map((a) => a.issuer)).toEqual(['Zeta', 'beta']);
    expect(organise(list, { text: '', group: NO_GROUP, sort: 'manual' }).map((a) => a.issuer)).toEqual(['alpha', 'Mid']);
  });
});

describe('search shortcut', () => {
  const key = (init: KeyboardEventInit, target?: HTMLElement) => {
    const e = new KeyboardEvent('keydown', init);
    Object.defineProperty(e, 'target', { value: target ?? document.body });
    return e;
  };
  it('is / outside text fields, and Ctrl+F or Cmd+F anywhere', () => {
    expect(isSearchShortcut(key({ key: '/' }))).toBe(true);
    expect(isSearchShortcut(key({ key: '/' }, document.createElement('input')))).toBe(false);
    expect(isSearchShortcut(key({ key: 'f', ctrlKey: true }, document.createElement('input')))).toBe(true);
    expect(isSearchShortcut(key({ key: 'F', metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'f' }))).toBe(false);
  });
});

describe('service icons', () => {
  it('finds well-known issuers by name, squashed name, alias or a long first word; else null', () => {
    expect(serviceIcon('GitHub')?.title).toBe('GitHub');
    expect(serviceIcon('github enterprise')?.title).toBe('GitHub');
    expect(serviceIcon('Digital Ocean')?.title).toBe('DigitalOcean');
    expect(serviceIcon('Twitter')?.title).toBe('X');
    expect(serviceIcon('Box Hill Bank')).toBeNull();
    expect(serviceIcon('Nordbanken')).toBeNull();
    expect(serviceIcon('')).toBeNull();
  });
  it('draws the glyph in black on light brand colours, white on dark ones', () => {
    expect(serviceIcon('GitHub')?.ink).toBe('#ffffff');
    expect(serviceIcon('Snapchat')?.ink).toBe('#000000');
  });
});
