import { existsSync } from 'node:fs';
import { screenshotPath } from './doc-screenshots';
import { chromium, expect, type Browser, type Locator, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { scanEn } from '../../../renderer/src/i18n/scan/en';
import { scanSv, type ScanMessages } from '../../../renderer/src/i18n/scan/sv';
import { AuthenticatorPage, type Lang } from './authenticator-page';

export const SCAN_MESSAGES: Record<Lang, ScanMessages['scan']> = { en: scanEn.scan, sv: scanSv.scan };

/** Debian's Chromium, as playwright.config.ts picks it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** A QR code as PNG file bytes, drawn the way a web page shows one (white quiet zone). */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale });
}

/**
 * Page object of the Add view's QR reader: "Scan screens", "Select area" and its overlay,
 * "Choose image…", drop and paste, and the outcome messages, by role and translated name.
 */
export class ScanPage extends AuthenticatorPage {
  s: ScanMessages['scan'];
  constructor(page: Page, lang: Lang = 'en') {
    super(page, lang);
    this.s = SCAN_MESSAGES[lang];
  }

  async gotoAdd(): Promise<void> {
    await this.page.getByRole('link', { name: this.m.authenticator.add }).first().click();
    await expect(this.heading(this.m.addAccount.title)).toBeVisible();
    await expect(this.panel()).toBeVisible();
  }

  panel(): Locator {
    return this.page.getByRole('region', { name: this.s.title, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Chooses an image through the real file chooser of "Choose image…". */
  async chooseImage(png: Buffer, name = 'qr.png', mimeType = 'image/png'): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button(this.s.image).click();
    await (await chooser).setFiles({ name, mimeType, buffer: png });
  }

  /** Drops a file on the Add view, as dragging it from a file manager does. */
  async dropFile(bytes: Buffer, name: string, type: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ data, name, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
        return dt;
      },
      { data: bytes.toString('base64'), name, type },
    );
    const zone = this.panel();
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** Puts a PNG on the system clipboard (the async Clipboard API) and presses Ctrl+V on the view. */
  async pasteImage(png: Buffer): Promise<void> {
    await this.page.evaluate(async (data) => {
      const blob = new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    }, png.toString('base64'));
    await this.heading(this.m.addAccount.title).click();
    await this.page.keyboard.press('Control+V');
  }

  /** The outcome list (role status) or the error (role alert) in the panel. */
  result(): Locator {
    return this.panel().getByRole('status', { name: this.s.resultTitle });
  }

  error(text: string): Locator {
    return this.panel().getByRole('alert').filter({ hasText: text });
  }

  overlay(): Locator {
    return this.page.getByRole('dialog', { name: this.s.overlay.title });
  }

  /**
   * Drags a frame on the overlay's screen picture (points in the screen's own pixels); releasing
   * the mouse reads the frame. `beforeRelease` runs while the frame is still being dragged.
   */
  async dragOnCapture(
    screen: { width: number; height: number },
    from: { x: number; y: number },
    to: { x: number; y: number },
    beforeRelease?: () => Promise<void>,
  ): Promise<void> {
    const area = this.overlay().getByRole('group', { name: this.s.overlay.selection });
    const box = await area.boundingBox();
    if (!box) throw new Error('The capture is not shown');
    const at = (p: { x: number; y: number }) => ({
      x: box.x + (p.x / screen.width) * box.width,
      y: box.y + (p.y / screen.height) * box.height,
    });
    const a = at(from);
    const b = at(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await this.page.mouse.move(b.x, b.y, { steps: 4 });
    await beforeRelease?.();
    await this.page.mouse.up();
  }

  /** Writes <screenshots>/scan-<name>-<lang>.png; the window only while the overlay covers it. */
  override async shot(name: string): Promise<void> {
    const fullPage = !(await this.overlay().isVisible());
    // No hover highlight in the picture (the overlay's is taken mid-drag, so the mouse stays).
    if (fullPage) await this.page.mouse.move(0, 0);
    await this.page.screenshot({ path: screenshotPath(`scan-${name}-${this.lang}.png`), fullPage });
  }
}

/** Window placement on the 1920x1080 Xvfb display: the app on the left, the QR page on the right. */
export const APP_WINDOW = { x: 0, y: 0, width: 1280, height: 900 };
export const QR_WINDOW = { x: 1340, y: 120, width: 560, height: 620 };

/**
 * "Another application showing a QR code": a separate, headed Chromium process whose window sits
 * beside the app's on the X display, so only a real screen capture can see the code.
 */
export class QrWindow {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(): Promise<QrWindow> {
    const browser = await chromium.launch({
      headless: false,
      ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        `--window-position=${QR_WINDOW.x},${QR_WINDOW.y}`,
        `--window-size=${QR_WINDOW.width},${QR_WINDOW.height}`,
      ],
    });
    const page = await browser.newPage({ viewport: null });
    return new QrWindow(browser, page);
  }

  /** Shows the code like a sign-up page does, and waits until it is painted. */
  async show(png: Buffer): Promise<void> {
    await this.page.setContent(
      `<body style="margin:0;background:#fff;display:grid;place-items:center;height:100vh">
        <img alt="QR" src="data:image/png;base64,${png.toString('base64')}"></body>`,
    );
    await this.page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
