import { definedOnly } from '@shared/defined';
import { z } from 'zod';
import { SettingsSchema, type Settings, type SettingsUpdateSchema } from '@shared/contract';
import { DEFAULT_SETTINGS } from '@shared/contract/names';
import type { SettingsStore } from './settings-store';

const KEY = 'app';
type Field = keyof Settings;
const FIELDS = Object.keys(DEFAULT_SETTINGS) as Field[];

/**
 * The user's app settings (language, clipboard clearing, the desktop's tray and start at login), one row in app.db.
 * - Read per field: a stored field that no longer fits (an older build, a hand edit) falls back
 *   to its own default, never taking the other fields with it.
 * - An update writes only the fields it names with a value: a key present as `undefined` (which
 *   Electron IPC keeps, e.g. `{ language: undefined }`) names nothing, so it cannot wipe a field.
 */
export class AppSettings {
  constructor(private readonly store: SettingsStore) {}

  read(): Settings {
    const stored = this.store.read(KEY, z.record(z.string(), z.unknown()), {});
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const field of FIELDS) {
      const parsed = SettingsSchema.shape[field].safeParse(stored[field]);
      if (parsed.success && field in stored) out[field] = parsed.data;
    }
    return SettingsSchema.parse(out);
  }

  update(patch: z.infer<typeof SettingsUpdateSchema>): Settings {
    const settings = SettingsSchema.parse({ ...this.read(), ...definedOnly(patch) });
    this.store.write(KEY, settings);
    return settings;
  }
}
