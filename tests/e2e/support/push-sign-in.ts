import type { BrowserHost } from '../../../electron/browser-host/server';
import { IdentityHttp } from '../../../electron/core/session/identity-http';

/** The sign-in page's browser as the identity mock sees it (shown in the prompt's "From ..." line). */
export const WEB_BROWSER = { name: 'Windows 11 PC', browser: 'Edge 142', country: 'Sweden' };

/**
 * Someone signing in to Connect on the web, over the identity API, while this app's
 * authenticator is the user's push device. The app only ever sees the push request.
 */
export class WebSignIn {
  private readonly http: IdentityHttp;
  constructor(
    private readonly host: BrowserHost,
    readonly email: string,
    private readonly password: string,
  ) {
    this.http = new IdentityHttp(() => host.mock.url);
  }

  /**
   * Enrols this app as the account's push device: the consent screen is the web's, the device
   * registration the app's own push client (the same call its 2FA set-up makes).
   */
  async enrolThisApp(): Promise<void> {
    const r = await this.http.call('signInPassword', { body: { email: this.email, password: this.password, device: WEB_BROWSER } });
    if (r.status !== 'signed-in') throw new Error(`expected a session, got ${r.status}`);
    const enrol = await this.http.call('pushEnrolStart', { token: r.session.token, body: {} });
    await this.host.core.sessionServices.push.register(enrol.manualKey, 'Flex HRM Connect (e2e)');
    await this.http.call('pushEnrolConsent', { token: r.session.token, body: { enrolmentId: enrol.enrolmentId, approve: true } });
  }

  /** Password, then a push request: answers the number the sign-in page shows. */
  async startPush(): Promise<{ ticket: string; pushId: string; number: string }> {
    const r = await this.http.call('signInPassword', { body: { email: this.email, password: this.password, device: WEB_BROWSER } });
    if (r.status !== 'mfa-required') throw new Error(`expected 2FA, got ${r.status}`);
    const p = await this.http.call('mfaPushStart', { body: { ticket: r.ticket } });
    return { ticket: r.ticket, pushId: p.pushId, number: p.number };
  }

  /** What the sign-in page learns when it asks (as it does every second or so). */
  async status(push: { ticket: string; pushId: string }): Promise<string> {
    return (await this.http.call('mfaPushStatus', { body: { ticket: push.ticket, pushId: push.pushId } })).state;
  }
}
