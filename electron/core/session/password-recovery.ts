import type { DeviceInfo } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import type { SessionService } from './session-service';

/** The longest a human check is kept, whatever the server says. */
const MAX_HUMAN_CHECK_MS = 10 * 60_000;

/**
 * "Forgot your password?": the robot check, the emailed reset or one-time sign-in link, and the
 * reset link's new password. A reset link for another account while signed in asks first, as
 * every sign-in does (SessionService.confirmReplacing).
 */
export class PasswordRecovery {
  private humanToken: { token: string; until: number } | null = null;

  constructor(
    private readonly http: IdentityHttp,
    private readonly session: Pick<SessionService, 'confirmReplacing' | 'isSignedIn'>,
    private readonly device: DeviceInfo,
  ) {}

  /** The robot check; returns how long it stays valid (the server's 2 minutes), so the form can untick it then. */
  async humanCheck(): Promise<number> {
    const r = await this.http.call('humanCheck', { body: { notARobot: true } });
    // The server's clock may differ from ours: the token's lifetime, not its end, is what we keep.
    const validForMs = Math.max(0, Math.min(r.expiresAt - Date.now(), MAX_HUMAN_CHECK_MS));
    this.humanToken = { token: r.humanToken, until: Date.now() + validForMs };
    return validForMs;
  }

  async forgotPassword(email: string, kind: 'reset' | 'magic', language: 'sv' | 'en'): Promise<void> {
    const check = this.humanToken;
    if (!check) throw new AppError('session.human-check');
    this.humanToken = null;
    if (Date.now() >= check.until) throw new AppError('session.human-check-expired');
    const humanToken = check.token;
    await this.http.call('forgotPassword', {
      body: { email, kind: kind === 'magic' ? 'magic-link' : 'reset', humanToken, device: this.device, language },
    });
  }

  async resetInspect(token: string, confirmReplace = false) {
    const info = await this.http.call('resetInspect', { body: { token } });
    await this.session.confirmReplacing({ email: info.email }, confirmReplace, true);
    return info;
  }

  /** Refused for another account while signed in, like resetInspect: a renderer cannot skip the question. */
  async resetPassword(token: string, password: string): Promise<void> {
    if (this.session.isSignedIn()) {
      const { email } = await this.http.call('resetInspect', { body: { token } });
      await this.session.confirmReplacing({ email }, false, true);
    }
    await this.http.call('resetPassword', { body: { token, password, device: this.device } });
  }
}
