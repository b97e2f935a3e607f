import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '@shared/contract';
import { AppError } from '@shared/result';
import { createAppCore } from '../../electron/core/app-core';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import { startIdentityMock } from '../../electron/mock/start';
import {
  classifyStartupError,
  createFailureDialog,
  CRASH_WINDOW_MS,
  failureDetails,
  Lifecycle,
  Phase,
  rememberedLanguage,
  rememberLanguage,
  runStartup,
  setupProcessGone,
  type FailureKind,
} from '../../electron/main/lifecycle';
import { textsFor } from '../../electron/main/texts';

vi.mock('electron', () => ({}));

const info: AppInfo = { name: 'x', version: '0', platform: 'linux', host: 'electron', systemLocale: 'en', screenCapture: 'none' };
const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the real start-up paths throw, caught and classified. */
async function failureOf(run: () => Promise<unknown>): Promise<FailureKind> {
  try {
    await run();
  } catch (e) {
    return classifyStartupError(e);
  }
  throw new Error('did not fail');
}

describe('classifyStartupError, with the failures the real start-up code raises', () => {
  it('a corrupt app.db', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-life-'));
    writeFileSync(join(dir, 'app.db'), 'this is not a database, just text that is long enough to have a header'.repeat(100));
    expect(await failureOf(() => createAppCore({ dataDir: dir, secretStore: new MemorySecretStore(), info }))).toBe('corrupt-db');
  });

  it('an app.db from a newer version', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-life-'));
    const db = new Database(join(dir, 'app.db'));
    db.pragma('user_version = 999');
    db.close();
    expect(await failureOf(() => createAppCore({ dataDir: dir, secretStore: new MemorySecretStore(), info }))).toBe('newer-db');
  });

  it('the embedded server port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      expect(await failureOf(() => startIdentityMock({ port }))).toBe('port-in-use');
    } finally {
      blocker.close();
    }
  });

  it('the keychain missing or locked, and anything else', () => {
    expect(classifyStartupError(new AppError('keychain.locked'))).toBe('keychain-locked');
    expect(classifyStartupError(new AppError('keychain.unavailable'))).toBe('keychain-missing');
    expect(classifyStartupError(new Error('boom'))).toBe('unknown');
    expect(classifyStartupError('a string')).toBe('unknown');
  });
});

describe('failureDetails', () => {
  it('says what, with versions, and redacts like the log', () => {
    const text = failureDetails('unknown', new Error('failed at otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'), {
      app: '0.1.0',
      electron: '45.4.1',
    });
    expect(text).toContain('Start-up failure: unknown');
    expect(text).toContain('app: 0.1.0');
    expect(text).not.toContain('JBSWY3DP');
  });
});

function fakeDialog(responses: number[]) {
  const shown: { detail?: string; buttons?: string[]; title?: string }[] = [];
  return {
    shown,
    dialog: {
      showMessageBox: vi.fn((a: unknown, b?: unknown) => {
        shown.push((b ?? a) as (typeof shown)[number]);
        return Promise.resolve({ response: responses.shift() ?? 3, checkboxChecked: false });
      }),
    },
  };
}

describe('the start-up failure dialog', () => {
  it('offers Retry, Open data folder, Copy details and Quit in the chosen language; folder and copy keep it open', async () => {
    const { dialog, shown } = fakeDialog([1, 2, 0]);
    const clipboard = { writeText: vi.fn(() => Promise.resolve(undefined)) };
    const shell = { openPath: vi.fn(() => Promise.resolve('')) };
    const ask = createFailureDialog({ dialog, clipboard, shell, dataDir: '/data', texts: () => textsFor('sv') });
    expect(await ask('corrupt-db', 'DETAILS')).toBe('retry');
    expect(shell.openPath).toHaveBeenCalledWith('/data');
    expect(clipboard.writeText).toHaveBeenCalledWith('DETAILS');
    expect(shown).toHaveLength(3);
    expect(shown[0]!.buttons).toEqual(['Försök igen', 'Öppna datamappen', 'Kopiera detaljer', 'Avsluta']);
    expect(shown[0]!.title).toBe('Flex HRM kunde inte starta');
    expect(shown[0]!.detail).toContain('databas är skadad');
  });

  it.each([
    ['newer-db', 'newer version'],
    ['port-in-use', 'port'],
    ['keychain-missing', 'No keychain'],
    ['keychain-locked', 'locked'],
    ['unknown', 'unexpected'],
  ] as const)('%s has its own English text', async (kind, words) => {
    const { dialog, shown } = fakeDialog([3]);
    const ask = createFailureDialog({
      dialog,
      clipboard: { writeText: vi.fn() },
      shell: { openPath: vi.fn() },
      dataDir: '/d',
      texts: () => textsFor('en'),
    });
    expect(await ask(kind, '')).toBe('quit');
    expect(shown[0]!.detail).toContain(words);
  });
});

describe('runStartup', () => {
  it('retries after the user fixed the cause, and never rejects', async () => {
    const start = vi
      .fn()
      .mockRejectedValueOnce(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }))
      .mockResolvedValueOnce('core');
    const ask = vi.fn(() => Promise.resolve('retry' as const));
    expect(await runStartup(start, { log, versions: {}, ask })).toBe('core');
    expect(ask).toHaveBeenCalledWith('port-in-use', expect.stringContaining('EADDRINUSE'));
    expect(start).toHaveBeenCalledTimes(2);
  });
  it('answers null when the user quits', async () => {
    const ask = vi.fn(() => Promise.resolve('quit' as const));
    expect(
      await runStartup(() => Promise.reject(new AppError('db.from-the-future', { found: 9, supported: 4 })), { log, versions: {}, ask }),
    ).toBeNull();
    expect(ask).toHaveBeenCalledWith('newer-db', expect.any(String));
  });
});

describe('the language of a failure before app.db could be read', () => {
  it('is the one remembered from the last run, else the fallback', () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-life-'));
    expect(rememberedLanguage(dir, 'en')).toBe('en');
    rememberLanguage(dir, 'sv');
    expect(rememberedLanguage(dir, 'en')).toBe('sv');
    writeFileSync(join(dir, 'language.json'), '{"locale":"klingon"}');
    expect(rememberedLanguage(dir, 'en')).toBe('en');
  });
});

describe('Lifecycle phases', () => {
  it('resolves when() once a phase is reached, in order', async () => {
    const l = new Lifecycle();
    const seen: string[] = [];
    void l.when(Phase.Eventually).then(() => seen.push('eventually'));
    void l.when(Phase.Ready).then(() => seen.push('ready'));
    l.phase = Phase.Ready;
    await Promise.resolve();
    expect(seen).toEqual(['ready']);
    l.phase = Phase.Starting; // never backwards
    expect(l.phase).toBe(Phase.Ready);
    l.phase = Phase.Eventually;
    await l.when(Phase.Restored);
    expect(seen).toEqual(['ready', 'eventually']);
  });
});

describe('render-process-gone and child-process-gone', () => {
  function setup() {
    const handlers = new Map<string, (...a: unknown[]) => void>();
    const app = { on: vi.fn((e: string, h: (...a: unknown[]) => void) => handlers.set(e, h)), quit: vi.fn() };
    const { dialog, shown } = fakeDialog([1]);
    let now = 1_000_000;
    setupProcessGone({ app: app as never, dialog, log, texts: () => textsFor('en'), getWindow: () => null, now: () => now });
    const contents = { reload: vi.fn(), isDestroyed: () => false };
    return { handlers, app, shown, contents, advance: (ms: number) => (now += ms) };
  }

  it('reloads a crashed window once, and asks the second time (Quit quits)', async () => {
    const { handlers, app, shown, contents, advance } = setup();
    const gone = handlers.get('render-process-gone')!;
    gone({}, contents, { reason: 'crashed', exitCode: 11 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(shown).toHaveLength(0);
    advance(5_000);
    gone({}, contents, { reason: 'oom', exitCode: 9 });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(shown[0]!.detail).toContain('oom');
  });

  it('a crash long after the last one is reloaded again; a clean exit is not a crash', () => {
    const { handlers, shown, contents, advance } = setup();
    const gone = handlers.get('render-process-gone')!;
    gone({}, contents, { reason: 'crashed', exitCode: 11 });
    advance(CRASH_WINDOW_MS + 1);
    gone({}, contents, { reason: 'crashed', exitCode: 11 });
    gone({}, contents, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reload).toHaveBeenCalledTimes(2);
    expect(shown).toHaveLength(0);
  });

  it('a dead utility process is told once; the GPU process (restarted by Chromium) only logged', () => {
    const { handlers, shown } = setup();
    const child = handlers.get('child-process-gone')!;
    child({}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    child({}, { type: 'Utility', name: 'Audio Service', reason: 'crashed', exitCode: 1 });
    child({}, { type: 'Utility', name: 'Audio Service', reason: 'crashed', exitCode: 1 });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.detail).toContain('Audio Service');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('GPU crashed'));
  });
});
