import type { MockControl } from './mock-control';

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!json.ok) throw new Error(`${path}: ${JSON.stringify(json.error)}`);
  return json.value as T;
}

/**
 * Gives a demo user a password the way a user would (human check -> reset email -> link), over
 * the identity API, so tests that are about something else start from a user with a password.
 */
export async function setPasswordOverHttp(mock: MockControl, email: string, password: string): Promise<void> {
  const since = await mock.now();
  const { humanToken } = await post<{ humanToken: string }>(mock.url, '/connect/human-check', { notARobot: true });
  await post(mock.url, '/connect/forgot-password', { email, kind: 'reset', humanToken, language: 'en' });
  const mail = await mock.waitForMessage(email, /reset/, since);
  const link = mail.links.find((l) => l.action === 'reset-password');
  const token = link ? new URL(link.url).searchParams.get('token') : null;
  if (!token) throw new Error('No reset link');
  await post(mock.url, '/connect/password-reset', { token, password });
}
