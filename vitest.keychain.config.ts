import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * Tests that need the real OS keychain; `npm run test:keychain` starts a Secret Service first.
 * One file at a time: tests/keychain/locked-keychain.test.ts locks the shared login collection.
 */
export default defineConfig({ ...base, test: { ...base.test, include: ['tests/keychain/**/*.test.ts'], fileParallelism: false } });
