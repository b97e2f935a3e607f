import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();

test.describe('Electron smoke', () => {
  test.skip(
    !binary,
    'No Electron binary is installed (its download host is unreachable from this machine); the browser-host e2e suite runs the same renderer and handlers.',
  );

  test('starts sandboxed, with the typed bridge and no Node in the page', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'flex-electron-'))}`],
    });
    const win = await app.firstWindow();
    await expect(win.getByRole('navigation')).toBeVisible();
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((globalThis as unknown as { flex: object }).flex).sort())).toEqual(['invoke', 'onEvent']);
    const info = await win.evaluate(() =>
      (globalThis as unknown as { flex: { invoke(c: string, p: unknown): Promise<unknown> } }).flex.invoke('app.getInfo', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
    const refused = await win.evaluate(() =>
      (globalThis as unknown as { flex: { invoke(c: string, p: unknown): Promise<unknown> } }).flex.invoke('vault.deleteAccount', {
        id: 'x',
      }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'field.invalid' } });
    await app.close();
  });
});
