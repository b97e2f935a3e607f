import type { Language, OutboxMessage } from '@shared/identity-api';
import { DEEP_LINK_SCHEME, type DeepLinkAction } from '@shared/deep-links';
import type { MockContext } from '../context';
import type { Rendered } from '../emails/templates';
import { randomId } from './crypto';

/**
 * The mock's mail and SMS "gateway": every message is stored and never leaves the machine.
 * Links are the app's deep links plus an http form for the browser host.
 */
export interface LinkSpec {
  action: DeepLinkAction;
  token: string;
}

/**
 * The one-time secret a message carries (a link's token or a code), so the outbox stops holding
 * it readable once it cannot be used: when it expires, when `ref` is spent (`token:<id>`: that
 * token row is used; any other ref: the service calls `spendOutboxSecret`), or when a newer
 * message with the same `ref` replaces it (a re-sent code).
 */
export interface SecretSpec {
  value: string;
  expiresAt: number;
  ref: string;
}

/** What a spent secret reads as in the stored text. */
export const SCRUBBED = '••••••';

export function deliver(
  ctx: MockContext,
  channel: 'email' | 'sms',
  recipient: string,
  language: Language,
  msg: Rendered,
  link?: LinkSpec & { tokenId: string; expiresAt: number },
  code?: SecretSpec,
): OutboxMessage {
  const links = link
    ? [
        {
          action: link.action,
          url: `${DEEP_LINK_SCHEME}://${link.action}?token=${encodeURIComponent(link.token)}`,
          httpUrl: `${ctx.publicUrl}/open/${link.action}?token=${encodeURIComponent(link.token)}`,
          label: msg.linkLabel ?? link.action,
        },
      ]
    : [];
  const message: OutboxMessage = {
    id: randomId(),
    channel,
    template: msg.template,
    recipient,
    language,
    subject: msg.subject,
    // The text's link is for "copy and paste it into your browser": the http one, which opens the app.
    text: msg.text.replace('{link}', links[0]?.httpUrl ?? ''),
    links,
    createdAt: ctx.clock.now(),
    secretState: null,
  };
  const secret: SecretSpec | undefined = link
    ? { value: encodeURIComponent(link.token), expiresAt: link.expiresAt, ref: `token:${link.tokenId}` }
    : code;
  if (secret) spendOutboxSecret(ctx, secret.ref);
  const { seq } = ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM outbox').get() as { seq: number };
  ctx.db
    .prepare(
      `INSERT INTO outbox (id, seq, channel, template, recipient, language, subject, text, links, created_at, secret, secret_ref, secret_expires_at, secret_state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      message.id,
      seq,
      channel,
      message.template,
      recipient,
      language,
      message.subject,
      message.text,
      JSON.stringify(links),
      message.createdAt,
      secret?.value ?? null,
      secret?.ref ?? null,
      secret?.expiresAt ?? null,
      secret ? 'valid' : null,
    );
  return { ...message, secretState: secret ? 'valid' : null };
}

/** Scrubs the secret from the messages matching `where`, which are then `state`. */
function scrub(ctx: MockContext, where: string, state: 'used' | 'expired', ...args: unknown[]): void {
  ctx.db
    .prepare(
      `UPDATE outbox SET text = replace(text, secret, '${SCRUBBED}'), links = '[]', secret = NULL, secret_state = ? WHERE secret IS NOT NULL AND ${where}`,
    )
    .run(state, ...args);
}

/** The secret `ref` can no longer be used (a code entered, a link opened, a code replaced). */
export function spendOutboxSecret(ctx: MockContext, ref: string): void {
  scrub(ctx, 'secret_ref = ?', 'used', ref);
}

/**
 * Scrubs every secret that expired or whose token was used. Runs before every read and write of
 * the outbox and every minute (server.ts), so nothing spent stays readable at rest for long.
 */
export function sweepOutbox(ctx: MockContext): void {
  scrub(ctx, `secret_ref IN (SELECT 'token:' || id FROM tokens WHERE used_at IS NOT NULL)`, 'used');
  scrub(ctx, 'secret_expires_at <= ?', 'expired', ctx.clock.now());
}

interface Row {
  id: string;
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  language: Language;
  subject: string;
  text: string;
  links: string;
  created_at: number;
  secret_state: 'valid' | 'used' | 'expired' | null;
}

/** Newest first; `recipient` matches case-insensitively. */
export function listOutbox(ctx: MockContext, recipient?: string): OutboxMessage[] {
  sweepOutbox(ctx);
  const rows = ctx.db
    .prepare('SELECT * FROM outbox WHERE (@r IS NULL OR recipient = @r COLLATE NOCASE) ORDER BY seq DESC LIMIT 500')
    .all({ r: recipient?.trim() ?? null }) as Row[];
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    template: r.template,
    recipient: r.recipient,
    language: r.language,
    subject: r.subject,
    text: r.text,
    links: JSON.parse(r.links) as OutboxMessage['links'],
    createdAt: r.created_at,
    secretState: r.secret_state,
  }));
}
