import { redactText } from '../core/log';

/**
 * "Copy diagnostics" (Settings > About): versions and the latest warnings and errors, for a support
 * message. The recent lines come from the log, already redacted; the whole text is scrubbed again.
 */
export function diagnosticsText(versions: Record<string, string | undefined>, recent: readonly string[]): string {
  const lines = [
    'Flex HRM Connect diagnostics',
    ...Object.entries(versions)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${v}`),
    '',
    recent.length ? 'Recent warnings and errors:' : 'No warnings or errors in this run.',
    ...recent,
  ];
  return redactText(lines.join('\n')).slice(0, 190_000);
}
