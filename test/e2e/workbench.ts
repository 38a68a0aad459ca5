/** Driving code-server's workbench page like a user: keys, the command palette, input boxes, toasts. Selectors from editor-testing.md §1.6. */
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';

export class Workbench {
  readonly quickInput: Locator;
  constructor(readonly page: Page, private readonly shots: string) {
    this.quickInput = page.locator('.quick-input-widget .quick-input-box input');
  }

  async open(baseUrl: string, folder: string): Promise<void> {
    await this.page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator('.tabs-container .tab', { hasText: name }).waitFor();
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /** F1, type the command's title, Enter. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Answers one showInputBox whose title contains `title`. */
  async answer(title: string, value: string): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
    await this.quickInput.fill(value);
    await this.page.keyboard.press('Enter');
  }

  async goTo(line: number, column: number): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.quickInput.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  async clearNotifications(): Promise<void> {
    await this.command('Notifications: Clear All Notifications');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForTimeout(600); // toasts slide in; a screenshot taken at once shows an empty box
    await this.page.screenshot({ path: join(this.shots, `${name}.png`) });
  }
}
