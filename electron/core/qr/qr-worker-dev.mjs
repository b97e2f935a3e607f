// Worker entry for running from TypeScript sources (tsx, vitest, the browser host): a worker
// thread does not inherit the parent's loaders, so register tsx here (it also resolves the
// tsconfig `@shared/*` path alias), then load the real worker. Built apps use out/main/qr-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./qr-worker.ts');
