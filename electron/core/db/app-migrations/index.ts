import type { Migration } from '../migrations';
import { m001Accounts } from './001-accounts';
import { m002Settings } from './002-settings';
import { m003CredentialsOutOfSettings } from './003-credentials-out-of-settings';
import { m004SevenDigitCodes } from './004-seven-digit-codes';
import { m005SteamGuard } from './005-steam-guard';

/** app.db migrations, in order. Append only; never edit a shipped one. */
export const appMigrations: readonly Migration[] = [m001Accounts, m002Settings, m003CredentialsOutOfSettings, m004SevenDigitCodes, m005SteamGuard];
