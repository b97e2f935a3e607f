/**
 * What the app does at start, in a process of its own so a native crash shows as a signal:
 * open the vault and the session's credential store on the real keychain under `argv[2]`
 * (a throwaway service name) with app.db in `argv[3]`, and print what they report as one JSON line.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@shared/clock';
import { openDatabase } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { KeytarSecretStore } from '../../../electron/core/secrets/keytar-secret-store';
import { KeychainCredentialStore } from '../../../electron/core/session/credential-store';
import { VaultService } from '../../../electron/core/vault/vault-service';

const [service, dataDir] = process.argv.slice(2) as [string, string];
mkdirSync(dataDir, { recursive: true });
const db = openDatabase(join(dataDir, 'app.db'), appMigrations);
const vault = new VaultService(db, new KeytarSecretStore(service), systemClock, () => []);
await vault.open();
const list = await vault.list();
const credentials = await KeychainCredentialStore.open(new KeytarSecretStore(`${service} credentials`));
process.stdout.write(
  `${JSON.stringify({ keychain: list.keychain, accounts: list.accounts.length, credentialsPersistent: credentials.persistent })}\n`,
);
db.close();
