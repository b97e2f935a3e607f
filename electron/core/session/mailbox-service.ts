import type { MailboxListResponse } from '@shared/contract';
import { parseDeepLink } from '@shared/deep-links';
import type { IdentityHttp } from './identity-http';
import type { ServerConfig } from './server-config';

/** The built-in demo server's outbox for the in-app mailbox; a real server has no such route. */
export class MailboxService {
  constructor(
    private readonly http: IdentityHttp,
    private readonly server: ServerConfig,
    /** Only the app that started the embedded mock holds it (the outbox lists every link and code). */
    private readonly mailboxToken: string | null,
  ) {}

  async list(recipient?: string): Promise<MailboxListResponse> {
    if (!this.server.isEmbedded() || !this.mailboxToken) return { available: false, recipients: [], messages: [] };
    const { messages } = await this.http.call('mailbox', { token: this.mailboxToken });
    const recipients = [...new Set(messages.map((m) => m.recipient))].sort();
    const wanted = recipient?.trim().toLowerCase();
    return {
      available: true,
      recipients,
      messages: messages
        .filter((m) => !wanted || m.recipient.toLowerCase() === wanted)
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((m) => ({
          id: m.id,
          kind: m.channel,
          to: m.recipient,
          subject: m.channel === 'email' ? m.subject : null,
          text: m.text,
          links: m.links.map((l) => ({ label: l.label, url: l.url, deepLink: parseDeepLink(l.url) })),
          sentAt: m.createdAt,
          secret: m.secretState,
        })),
    };
  }
}
