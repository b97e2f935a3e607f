// @vitest-environment happy-dom
/// <reference lib="dom" />
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SessionView } from '@shared/contract';
import { useSessionStore } from '../../../renderer/src/stores/session';
import { ok, useFakeApi } from './fake-transport';

const server = { kind: 'embedded' as const, url: null, configured: true };
const mfa = (): SessionView => ({
  server,
  savedEmail: null,
  state: {
    step: 'mfa',
    email: 'lena@example.com',
    methods: ['push'],
    method: 'push',
    maskedPhone: null,
    pushNumber: '41',
    pushState: 'pending',
  },
});
const signedIn = (): SessionView => ({
  server,
  savedEmail: null,
  state: {
    step: 'signed-in',
    user: { name: 'Lena', email: 'lena@example.com', userId: 'lena', company: 'AB', method: 'connect', role: null },
    offerTwoFactor: false,
  },
});

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the view that arrived last, an answer or an event (both come in the order main sent them)', async () => {
    const { transport } = useFakeApi({ 'session.getState': () => ok(mfa()) });
    const session = useSessionStore();
    await session.load();
    expect(session.state.step).toBe('mfa');
    transport.emit('session.changed', signedIn());
    expect(session.state.step).toBe('signed-in');
  });

  it('takes the view a call answers with', async () => {
    useFakeApi({
      'session.getState': () => ok(mfa()),
      'session.signOut': () => ok({ server, savedEmail: null, state: { step: 'signed-out' } }),
    });
    const session = useSessionStore();
    await session.load();
    expect(session.state.step).toBe('mfa');
    await session.signOut();
    expect(session.state.step).toBe('signed-out');
  });
});
