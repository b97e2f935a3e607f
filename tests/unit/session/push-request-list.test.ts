import { describe, expect, it } from 'vitest';
import type { PushRequestView as ServerPushRequest } from '@shared/identity-api';
import { PushRequestList, type PushResolution } from '../../../electron/core/session/push-request-list';

const NOW = 1_000_000;
const request = (id: string, createdAt = NOW): ServerPushRequest => ({
  id,
  email: 'lena@example.com',
  app: 'Flex HRM',
  choices: ['12', '34', '56'],
  createdAt,
  expiresAt: createdAt + 120_000,
  location: { device: 'Windows', browser: 'Edge', country: 'SE', ip: '192.0.2.1' },
});

function list() {
  const announced: string[] = [];
  const resolved: Array<[string, PushResolution]> = [];
  const requests = new PushRequestList({
    onRequest: (id) => announced.push(id),
    onResolved: (id, s) => resolved.push([id, s]),
    recheck: () => {},
    now: () => NOW,
  });
  return { requests, announced, resolved };
}

describe('PushRequestList', () => {
  it('announces a request once, however often the stream or the list repeats it, and never brings back a resolved one', () => {
    const { requests, announced, resolved } = list();
    requests.add('d1', request('a'));
    requests.reconcile('d1', [request('a'), request('b')]);
    requests.add('d1', request('b'));
    expect(announced).toEqual(['a', 'b']);
    requests.resolve('a', 'denied', false);
    requests.reconcile('d1', [request('a'), request('b')]);
    expect(requests.list().map((r) => r.id)).toEqual(['b']);
    expect(announced).toEqual(['a', 'b']);
    expect(resolved).toEqual([]);
    // Gone from the device's list before its time: answered on another device.
    requests.reconcile('d1', []);
    expect(resolved).toEqual([['b', 'approved']]);
    requests.close();
  });

  it("shows times on this process's clock once the server's offset is known", () => {
    const { requests } = list();
    requests.madeNow(NOW + 60_000);
    requests.add('d1', request('a', NOW + 60_000));
    expect(requests.list()[0]).toMatchObject({ createdAt: NOW, expiresAt: NOW + 120_000 });
    requests.close();
  });
});
