// Worker entry for running from TypeScript sources (tsx, vitest, the browser host): a worker
// thread does not inherit the parent's loaders, so register tsx here, with the project's
// tsconfig (for the `@shared/*` alias) whatever the working directory, then load the real
// worker. Built apps use out/main/qr-worker.js instead.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('./qr-worker.ts');
