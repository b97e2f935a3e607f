// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { AdminUserView } from '@shared/contract';
import CutoverSwitch from '../../../renderer/src/views/hrm/admin/CutoverSwitch.vue';
import UsersTable from '../../../renderer/src/views/hrm/admin/UsersTable.vue';
import { createAppI18n } from '../../../renderer/src/i18n';

const user = (userId: string, name: string, status: AdminUserView['status'], more: Partial<AdminUserView> = {}): AdminUserView => ({
  userId,
  name,
  role: 'employee',
  status,
  linkedEmail: null,
  pendingEmail: null,
  suggestedEmail: null,
  ...more,
});

const pending = user('u1', 'Maria Lind', 'pending', { pendingEmail: 'maria@example.com' });
const suggested = user('u2', 'Erik Berg', 'none', { suggestedEmail: 'erik@example.com' });
const noAddress = user('u3', 'Olle Ek', 'none');
const linked = user('u4', 'Anna Svensson', 'linked', { linkedEmail: 'anna@example.com' });

function mountBoth(locale: 'en' | 'sv') {
  const global = { plugins: [createAppI18n(locale)] };
  const table = mount(UsersTable, { props: { users: [pending, suggested, noAddress, linked], busy: false }, global });
  const cutover = mount(CutoverSwitch, {
    props: { enabled: false, linked: 1, total: 4, busy: false, selfLinked: true, unlinked: [pending, suggested, noAddress] },
    global,
  });
  return { table, cutover };
}

/** The verification buttons a component shows: [accessible name, text]. */
const verificationButtons = (w: ReturnType<typeof mount>) =>
  w
    .findAll('button')
    .filter((b) => b.attributes('aria-label')?.includes('verifi'))
    .map((b) => [b.attributes('aria-label'), b.text()]);

describe('admin: the verification a user can be sent (users table and cutover list)', () => {
  it('"Resend" while a code is out, "Send" to the suggested address, nothing without an address or once linked: the same in both', () => {
    const { table, cutover } = mountBoth('en');
    const expected = [
      ['Resend verification to Maria Lind', 'Resend verification'],
      ['Send verification to Erik Berg (erik@example.com)', 'Send verification'],
    ];
    expect(verificationButtons(table)).toEqual(expected);
    expect(verificationButtons(cutover)).toEqual(expected);
    expect(cutover.text()).toContain('No address to send to');
  });

  it('in Swedish, and a click asks AdminView to send it for that user', async () => {
    const { table, cutover } = mountBoth('sv');
    expect(verificationButtons(cutover)).toEqual([
      ['Skicka verifiering igen till Maria Lind', 'Skicka verifiering igen'],
      ['Skicka verifiering till Erik Berg (erik@example.com)', 'Skicka verifiering'],
    ]);
    await table.get('button[aria-label="Skicka verifiering till Erik Berg (erik@example.com)"]').trigger('click');
    await cutover.get('button[aria-label="Skicka verifiering igen till Maria Lind"]').trigger('click');
    expect(table.emitted('resend')).toEqual([[suggested]]);
    expect(cutover.emitted('resend')).toEqual([[pending]]);
  });
});
