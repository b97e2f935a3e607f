import { z } from 'zod';
import { MAX_SCAN_IMAGE_BYTES } from './names';

export { MAX_SCAN_IMAGE_BYTES };

/**
 * Reading QR codes into the authenticator ("Scan screens", "Select area", image file, drop,
 * paste). Decoding and adding happen in main; the renderer gets per-account outcomes (names and
 * whether each was added or already there), never a secret.
 */

export const MAX_SCAN_IMAGE_BASE64 = Math.ceil(MAX_SCAN_IMAGE_BYTES / 3) * 4;

export const ScanImageRequestSchema = z
  .object({
    /** The PNG or JPEG file's bytes, standard base64 (no data: prefix). */
    imageBase64: z
      .string()
      .min(1)
      .max(MAX_SCAN_IMAGE_BASE64)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'base64' }),
  })
  .strict();

export const ScanAccountOutcomeSchema = z.object({
  issuer: z.string(),
  label: z.string(),
  type: z.enum(['totp', 'hotp', 'steam']),
  /** `exists`: the vault already has this account (same name or same key); nothing was changed. */
  status: z.enum(['added', 'exists']),
});
export type ScanAccountOutcome = z.infer<typeof ScanAccountOutcomeSchema>;

export const ScanResultSchema = z.object({ accounts: z.array(ScanAccountOutcomeSchema) });
export type ScanResult = z.infer<typeof ScanResultSchema>;

const CaptureIdSchema = z.string().uuid();

/** "Select area" in Electron: main keeps the native frames; the page gets a preview per screen. */
export const ScreenCaptureSchema = z.object({
  captureId: CaptureIdSchema,
  screens: z.array(
    z.object({
      index: z.number().int(),
      /** Native size in physical pixels; regions are given in these units. */
      width: z.number().int(),
      height: z.number().int(),
      preview: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string(), width: z.number().int(), height: z.number().int() }),
    }),
  ),
});
export type ScreenCapture = z.infer<typeof ScreenCaptureSchema>;

const Px = z.number().int().min(0).max(100_000);
export const ScanRegionRequestSchema = z
  .object({ captureId: CaptureIdSchema, screen: z.number().int().min(0).max(64), x: Px, y: Px, width: Px, height: Px })
  .strict();
export const CaptureIdRequestSchema = z.object({ captureId: CaptureIdSchema }).strict();

export const scanRequests = {
  image: ScanImageRequestSchema,
  region: ScanRegionRequestSchema,
  discard: CaptureIdRequestSchema,
};
