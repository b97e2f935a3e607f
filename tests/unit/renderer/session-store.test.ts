// @vitest-environment happy-dom
/// <reference lib="dom" />
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SessionView } from '@shared/contract';
import { useSessionStore } from '../../../renderer/src/stores/session';
import { ok, useFakeApi } from './fake-transport';

const server = { kind: 'embedded' as const, url: null, configured: true };
const mfa = (revision: number): SessionView => ({
  server,
  savedEmail: null,
  revision,
  state: { step: 'mfa', email: 'lena@example.com', methods: ['push'], method: 'push', maskedPhone: null, pushNumber: '41', pushState: 'pending' },
});
const signedIn = (revision: number): SessionView => ({
  server,
  savedEmail: null,
  revision,
  state: { step: 'signed-in', user: { name: 'Lena', email: 'lena@example.com', userId: 'lena', company: 'AB', method: 'connect', role: null }, offerTwoFactor: false },
});

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps a push approval that arrives as an event before an older session.get answer', async () => {
    let answer!: (v: ReturnType<typeof ok<SessionView>>) => void;
    const { transport } = useFakeApi({ 'session.get': () => new Promise((resolve) => (answer = resolve)) });
    const session = useSessionStore();
    const loading = session.load();
    // Main answered session.get (still waiting for the push) and then completed the sign-in; the
    // event overtakes the answer on its own connection.
    transport.emit('session.changed', signedIn(8));
    answer(ok(mfa(7)));
    await loading;
    expect(session.state.step).toBe('signed-in');
  });

  it('takes a newer view from a call, and an event with the same revision', async () => {
    useFakeApi({ 'session.get': () => ok(mfa(3)), 'session.signOut': () => ok({ server, savedEmail: null, revision: 4, state: { step: 'signed-out' } }) });
    const session = useSessionStore();
    await session.load();
    expect(session.state.step).toBe('mfa');
    await session.signOut();
    expect(session.state.step).toBe('signed-out');
  });
});
