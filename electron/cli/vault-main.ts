import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { runVaultCli } from './vault-cli';

/** The `npm run vault` entry point: real stdio and the OS keychain. */
const code = await runVaultCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  },
  { openStore: (service) => new KeytarSecretStore(service) },
);
process.exitCode = code;
