import type { AddressInfo } from 'node:net';
import type { Clock } from '@shared/clock';
import { createMockServer, type MockOptions } from './server';
import { randomToken } from './services/crypto';

export interface StartOptions extends Omit<MockOptions, 'publicUrl'> {
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Loopback only: the mock holds demo credentials and must never face a network. */
  host?: '127.0.0.1';
}

export interface RunningMock {
  url: string;
  /** The demo mailbox's Bearer token: only the app that started the mock reads the outbox. */
  mailboxToken: string;
  clock: Clock;
  close(): Promise<void>;
}

/** Starts the identity mock on 127.0.0.1 (used by the Electron main process and the browser host). */
export async function startIdentityMock(options: StartOptions = {}): Promise<RunningMock> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const mailboxToken = rest.mailboxToken ?? randomToken();
  const { app, ctx } = await createMockServer({ ...rest, mailboxToken });
  try {
    await app.listen({ port, host });
  } catch (e) {
    await app.close();
    throw e;
  }
  const address = app.server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  ctx.publicUrl = url;
  let closing: Promise<void> | undefined;
  return {
    url,
    mailboxToken,
    clock: ctx.clock,
    close: () => (closing ??= app.close()),
  };
}
