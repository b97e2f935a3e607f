import { describe, expect, it, vi } from 'vitest';
import { MAX_SCAN_IMAGE_BASE64 } from '@shared/contract';
import { AppError } from '@shared/result';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatcher';
import { createScanHandlers } from '../../../electron/core/ipc/scan-handlers';
import type { ScanService } from '../../../electron/core/capture/scan-service';

const added = { accounts: [{ issuer: 'GitHub', label: 'anna', type: 'totp' as const, status: 'added' as const }] };

function setup(overrides: Partial<ScanService> = {}) {
  const mocks = {
    scanImage: vi.fn<ScanService['scanImage']>().mockResolvedValue(added),
    scanScreens: vi.fn().mockResolvedValue(added),
    scanRegion: vi.fn<ScanService['scanRegion']>().mockResolvedValue({ accounts: [] }),
    captureForSelection: vi.fn(),
    discard: vi.fn(),
  };
  const scan = { ...mocks, ...overrides } as unknown as ScanService;
  const changed = vi.fn();
  const dispatch = createDispatcher(createScanHandlers(scan, changed) as Handlers, { error: vi.fn() });
  return { scan, mocks, changed, dispatch };
}

describe('scan channels', () => {
  it('hands the decoded image bytes to the scan service and announces the change', async () => {
    const { mocks, changed, dispatch } = setup();
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(await dispatch('scan.scanImage', { imageBase64: Buffer.from(bytes).toString('base64') })).toEqual({ ok: true, value: added });
    expect(Array.from(mocks.scanImage.mock.calls[0]![0])).toEqual(Array.from(bytes));
    expect(changed).toHaveBeenCalledOnce();
  });

  it('refuses an oversized image before any decoding', async () => {
    const { mocks, dispatch } = setup();
    const res = await dispatch('scan.scanImage', { imageBase64: 'A'.repeat(MAX_SCAN_IMAGE_BASE64 + 4) });
    expect(res).toEqual({ ok: false, error: { code: 'field.invalid', params: { field: 'imageBase64', reason: 'too_big' } } });
    expect(mocks.scanImage).not.toHaveBeenCalled();
  });

  it.each([['data:image/png;base64,iVBORw0KGgo='], ['not base64!'], ['AAAA===='], ['']])(
    'refuses a payload that is not plain base64: %s',
    async (imageBase64) => {
      const { mocks, dispatch } = setup();
      const res = await dispatch('scan.scanImage', { imageBase64 });
      expect(res).toMatchObject({ ok: false, error: { code: 'field.invalid', params: { field: 'imageBase64' } } });
      expect(mocks.scanImage).not.toHaveBeenCalled();
    },
  );

  it('refuses extra fields, a missing image and a region outside the contract', async () => {
    const { dispatch, mocks } = setup();
    expect(await dispatch('scan.scanImage', { imageBase64: 'AAAA', path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'field.invalid' },
    });
    expect(await dispatch('scan.scanImage', {})).toMatchObject({ ok: false, error: { code: 'field.invalid' } });
    const captureId = '11111111-1111-4111-8111-111111111111';
    expect(await dispatch('scan.scanRegion', { captureId, screen: 0, x: -1, y: 0, width: 10, height: 10 })).toMatchObject({ ok: false });
    expect(await dispatch('scan.scanRegion', { captureId: 'x', screen: 0, x: 0, y: 0, width: 10, height: 10 })).toMatchObject({
      ok: false,
    });
    expect(mocks.scanRegion).not.toHaveBeenCalled();
  });

  it('answers scan errors with their code, and still announces a change after a half-done import', async () => {
    const { dispatch, changed } = setup({
      scanScreens: vi.fn().mockRejectedValue(new AppError('capture.permission-denied', { platform: 'darwin' })),
    });
    expect(await dispatch('scan.scanScreens', {})).toEqual({
      ok: false,
      error: { code: 'capture.permission-denied', params: { platform: 'darwin' } },
    });
    expect(changed).toHaveBeenCalledOnce();
  });

  it('strips anything undeclared from a result (no secret can cross)', async () => {
    const leaky = { accounts: [{ ...added.accounts[0], secret: 'JBSWY3DPEHPK3PXP' }] };
    const { dispatch } = setup({ scanImage: vi.fn().mockResolvedValue(leaky) });
    const res = await dispatch('scan.scanImage', { imageBase64: 'AAAA' });
    expect(JSON.stringify(res)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
