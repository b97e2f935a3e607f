import type { MockContext } from '../context';

/** Security-relevant events: sign-ins, failures, lockouts, resets, 2FA changes, admin changes. */
export function audit(ctx: MockContext, type: string, subject: string | null, detail: Record<string, unknown> = {}): void {
  ctx.db
    .prepare('INSERT INTO audit (type, subject, detail, at) VALUES (?, ?, ?, ?)')
    .run(type, subject, JSON.stringify(detail), ctx.clock.now());
}

export interface AuditEvent {
  id: number;
  type: string;
  subject: string | null;
  detail: Record<string, unknown>;
  at: number;
}

export function listAudit(ctx: MockContext, filter: { type?: string | undefined; subject?: string | undefined }): AuditEvent[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, type, subject, detail, at FROM audit
       WHERE (@type IS NULL OR type = @type) AND (@subject IS NULL OR subject = @subject) ORDER BY id`,
    )
    .all({ type: filter.type ?? null, subject: filter.subject ?? null }) as {
    id: number;
    type: string;
    subject: string | null;
    detail: string;
    at: number;
  }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
