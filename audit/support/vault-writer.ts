/**
 * Child of audit/kill9-vault.ts: opens the vault on the real keychain (service `argv[2]`, app.db
 * in `argv[3]`) and adds and removes accounts as fast as it can until it is killed. It prints
 * `READY` once open, `A <id>` after an add resolved, `d <id>` before a delete starts and `D <id>`
 * after it resolved (stdout
 * to a pipe is synchronous on Linux, so a printed line happened).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { base32 } from './base32';
import { systemClock } from '@shared/clock';
import { openDatabase } from '../../electron/core/db/migrations';
import { appMigrations } from '../../electron/core/db/app-migrations';
import { toAccountSpec } from '../../electron/core/otp/spec';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';
import { VaultService } from '../../electron/core/vault/vault-service';

const [service, dataDir] = process.argv.slice(2) as [string, string];
const db = openDatabase(join(dataDir, 'app.db'), appMigrations);
const vault = new VaultService(db, new KeytarSecretStore(service), systemClock, () => []);
if ((await vault.open()) !== 'ok') throw new Error(`keychain ${vault.keychainState}`);
process.stdout.write('READY\n');
const mine: string[] = [];
for (;;) {
  if (mine.length > 0 && Math.random() < 0.35) {
    const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0]!;
    // Said before it starts: a kill during the delete may or may not leave the account.
    process.stdout.write(`d ${id}\n`);
    await vault.delete(id);
    process.stdout.write(`D ${id}\n`);
  } else {
    const view = await vault.add(toAccountSpec({ issuer: 'Audit', label: randomUUID(), secret: base32(randomBytes(20)) }));
    mine.push(view.id);
    process.stdout.write(`A ${view.id}\n`);
  }
}
