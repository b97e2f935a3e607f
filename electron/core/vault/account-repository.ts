import type { Db } from '../db/migrations';
import type { CodeLength, OtpType } from '@shared/contract';
import type { OtpAccountSpec } from '../otp/spec';

export type AccountMeta = Omit<OtpAccountSpec, 'secret'> & {
  id: string;
  pinned: boolean;
  position: number;
  createdAt: number;
};

interface AccountRow {
  id: string;
  type: OtpType;
  issuer: string;
  label: string;
  algorithm: OtpAccountSpec['algorithm'];
  digits: CodeLength;
  period: number;
  counter: number;
  pinned: number;
  position: number;
  created_at: number;
}

const fromRow = (r: AccountRow): AccountMeta => ({
  id: r.id,
  type: r.type,
  issuer: r.issuer,
  label: r.label,
  algorithm: r.algorithm,
  digits: r.digits,
  period: r.period,
  counter: r.counter,
  pinned: r.pinned === 1,
  position: r.position,
  createdAt: r.created_at,
});

export interface Intent {
  accountId: string;
  op: 'add' | 'delete';
  meta: AccountMeta;
}

/** SQL for accounts and vault intents; no keychain knowledge here. */
export class AccountRepository {
  constructor(private readonly db: Db) {}

  all(): AccountMeta[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY pinned DESC, position, created_at').all() as AccountRow[]).map(fromRow);
  }

  get(id: string): AccountMeta | null {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? fromRow(row) : null;
  }

  nextPosition(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM accounts').get() as { p: number };
    return row.p;
  }

  insert(a: AccountMeta): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, type, issuer, label, algorithm, digits, period, counter, pinned, position, created_at)
         VALUES (@id, @type, @issuer, @label, @algorithm, @digits, @period, @counter, @pinned, @position, @createdAt)`,
      )
      .run({ ...a, pinned: a.pinned ? 1 : 0 });
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
  }

  rename(id: string, issuer: string, label: string): boolean {
    return this.db.prepare('UPDATE accounts SET issuer = ?, label = ? WHERE id = ?').run(issuer, label, id).changes > 0;
  }

  setPinned(id: string, pinned: boolean): boolean {
    return this.db.prepare('UPDATE accounts SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, id).changes > 0;
  }

  setCounter(id: string, counter: number): void {
    this.db.prepare('UPDATE accounts SET counter = ? WHERE id = ?').run(counter, id);
  }

  /** Positions follow the given order; ids not listed keep their relative order after them. */
  reorder(ids: readonly string[]): void {
    const listed = new Set(ids);
    const rest = this.all().map((a) => a.id).filter((id) => !listed.has(id));
    const update = this.db.prepare('UPDATE accounts SET position = ? WHERE id = ?');
    this.db.transaction(() => [...ids, ...rest].forEach((id, i) => update.run(i, id)))();
  }

  recordIntent(intent: Intent, now: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO vault_intents (account_id, op, payload, created_at) VALUES (?, ?, ?, ?)')
      .run(intent.accountId, intent.op, JSON.stringify(intent.meta), now);
  }

  clearIntent(accountId: string): void {
    this.db.prepare('DELETE FROM vault_intents WHERE account_id = ?').run(accountId);
  }

  intents(): Intent[] {
    const rows = this.db.prepare('SELECT account_id, op, payload FROM vault_intents').all() as Array<{
      account_id: string;
      op: 'add' | 'delete';
      payload: string;
    }>;
    return rows.map((r) => ({ accountId: r.account_id, op: r.op, meta: JSON.parse(r.payload) as AccountMeta }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
