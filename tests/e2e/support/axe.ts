import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface AxeFinding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core on the page as it is now (WCAG 2.x A and AA, plus best practices), keeping only the
 * serious and critical findings, each named by the screen it was found on, so one assertion at
 * the end of a walk lists every screen's problems at once.
 */
export class AxeAudit {
  readonly findings: AxeFinding[] = [];
  readonly screens: string[] = [];
  /**
   * `english`: words that must not be on a screen (the Swedish UI: the browser's bubbles, the
   * server's device words, "Authenticator" on its own); each screen's visible text is checked.
   */
  constructor(
    readonly page: Page,
    readonly english: RegExp | null = null,
  ) {}
  async check(screen: string): Promise<void> {
    // Let transitions and the step focus settle, so colours are the final ones.
    await this.page.waitForTimeout(50);
    const result = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    this.screens.push(screen);
    if (this.english) {
      const text = await this.page.locator('body').innerText();
      const found = this.english.exec(text);
      if (found)
        this.findings.push({
          screen,
          id: 'english-in-swedish-ui',
          impact: 'serious',
          help: `"${found[0]}" in the Swedish UI`,
          targets: [],
        });
    }
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      this.findings.push({ screen, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) });
    }
  }

  /** One line per finding, for the failure message. */
  report(): string {
    return this.findings.map((f) => `${f.screen}: [${f.impact}] ${f.id} (${f.help}) at ${f.targets.join(', ')}`).join('\n');
  }
}
