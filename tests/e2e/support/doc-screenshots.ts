import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the README pictures go. `npm run docs:screenshots` sets DOCS_SCREENSHOTS=1 and writes them
 * into the tracked docs/screenshots; an ordinary e2e run writes into the ignored test-results, so
 * `npm test` leaves the checkout as it found it.
 */
export function screenshotPath(file: string): string {
  const dir = process.env.DOCS_SCREENSHOTS === '1' ? 'docs/screenshots' : join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, file);
}
