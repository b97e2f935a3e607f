import { z } from 'zod';
import type { CredentialStore } from './credential-store';

const DeviceRecordSchema = z.object({ deviceId: z.string(), credential: z.string(), email: z.string() });
export type DeviceRecord = z.infer<typeof DeviceRecordSchema>;
const DEVICES_KEY = 'push-devices';

/** This computer's push devices (one per Connect account), with their credentials, in the keychain. */
export class PushDeviceRecords {
  constructor(private readonly credentials: CredentialStore) {}

  /** What is stored; an entry that does not parse counts as none (the device enrols again). */
  list(): DeviceRecord[] {
    const raw = this.credentials.get(DEVICES_KEY);
    if (!raw) return [];
    try {
      const parsed = z.array(DeviceRecordSchema).safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  find(deviceId: string): DeviceRecord | undefined {
    return this.list().find((d) => d.deviceId === deviceId);
  }

  /** Keeps `record` as its account's one device; answers the devices it replaced. */
  replaceFor(record: DeviceRecord): DeviceRecord[] {
    const all = this.list();
    const replaced = all.filter((d) => d.email === record.email);
    this.credentials.set(DEVICES_KEY, JSON.stringify([...all.filter((d) => d.email !== record.email), record]));
    return replaced;
  }
}
