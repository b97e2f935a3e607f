import { EventEmitter } from 'node:events';
import type { DeviceEventName } from '@shared/identity-api';

/** In-process fan-out of push-channel events to the SSE streams of connected devices. */
export class DeviceEvents {
  private readonly emitter = new EventEmitter();
  constructor() {
    // One listener per open SSE stream; many devices may listen at once.
    this.emitter.setMaxListeners(0);
  }
  publish(deviceId: string, event: DeviceEventName, data: unknown): void {
    this.emitter.emit(deviceId, event, data);
  }
  subscribe(deviceId: string, listener: (event: DeviceEventName, data: unknown) => void): () => void {
    this.emitter.on(deviceId, listener);
    return () => this.emitter.off(deviceId, listener);
  }
  listenerCount(deviceId: string): number {
    return this.emitter.listenerCount(deviceId);
  }
}
