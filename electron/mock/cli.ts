import { parseArgs } from 'node:util';
import { randomToken } from './services/crypto';
import { startIdentityMock } from './start';

/**
 * `npm run mock -- --port 0 --data ./mock.db --test-control [token] [--app-base-url URL] [--no-seed]`
 * Prints exactly one line on stdout once ready; a generated test-control token goes to stderr.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `--test-control` takes an optional value, which parseArgs cannot express: pick it out first.
  let testControl: string | undefined;
  const i = argv.indexOf('--test-control');
  if (i >= 0) {
    const next = argv[i + 1];
    const hasValue = next !== undefined && !next.startsWith('--');
    testControl = hasValue ? next : '';
    argv.splice(i, hasValue ? 2 : 1);
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string', default: ':memory:' },
      'app-base-url': { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const generated = testControl === '';
  const testControlToken = generated ? randomToken(24) : testControl;

  const mock = await startIdentityMock({
    port,
    dataFile: values.data,
    seedDemoData: !values['no-seed'],
    ...(testControlToken ? { testControlToken } : {}),
    ...(values['app-base-url'] ? { appBaseUrl: values['app-base-url'] } : {}),
  });
  process.stdout.write(`Identity mock listening on ${mock.url}\n`);
  if (generated) process.stderr.write(`Test control token: ${testControlToken}\n`);
  // The demo mailbox (GET /mailbox) answers only this Bearer token; tests read mail through test control.
  process.stderr.write(`Mailbox token: ${mock.mailboxToken}\n`);

  const stop = () => {
    mock.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`Error while stopping: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
