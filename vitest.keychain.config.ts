import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** Tests that need the real OS keychain; `npm run test:keychain` starts a Secret Service first. */
export default defineConfig({ ...base, test: { ...base.test, include: ['tests/keychain/**/*.test.ts'] } });
