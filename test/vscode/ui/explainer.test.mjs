// UI tests of the error-code explainer: a webview panel opened from F1. They leave no editor open, for the modules after them.
import { openWorkbench, runCommand, until } from '../../../scripts/vscode-workbench.mjs';

/** The explainer page: the webview is an iframe holding the page in another iframe. */
const explainer = (page) => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

/**
 * Runs a command from F1 once the palette lists it. Right after the workbench opens, the extension's
 * commands may not be registered yet, and an open palette does not pick them up: close it and ask again.
 */
async function runCommandOnceListed(page, title) {
  await until(`"${title}" in the Command Palette`, async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const listed = await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: 2_000 })
      .then(() => true, () => false);
    await page.keyboard.press(listed ? 'Enter' : 'Escape');
    return listed;
  }, 20_000);
}

export const tests = [
  {
    name: '"RDP: Explain Error Code…" with a code pair opens the explainer',
    async run({ page, url }) {
      await openWorkbench(page, url);
      await runCommandOnceListed(page, 'RDP: Explain Error Code');
      await page.locator('.quick-input-widget', { hasText: 'Explain a Remote Desktop error code' }).waitFor();
      await page.locator('.quick-input-widget input.input').fill('0x904 0x7');
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'Error code 0x904 / 0x7' }).waitFor();
      const view = explainer(page);
      await view.getByRole('heading', { name: 'Error code 0x904 / extended 0x7' }).waitFor();
      await view.getByText('The server denied the connection.').first().waitFor();
      await view.getByRole('heading', { name: 'Likely causes' }).waitFor();
      await view.getByRole('heading', { name: 'Checks that tell the causes apart' }).waitFor();
      await view.getByRole('row', { name: /NET002 tcp-refused/ }).getByText('Not checked').waitFor();
    },
  },
  {
    name: 'the explainer says why a typed host cannot be checked',
    async run({ page }) {
      const view = explainer(page);
      await view.getByLabel(/host or host:port/).fill('not a host');
      await view.getByRole('button', { name: 'Run checks' }).click();
      await view.getByRole('status').getByText('"not a host" is not a host name or address: the address contains blanks.').waitFor();
    },
  },
  {
    name: 'the explainer checks a host and shows which causes it rules out',
    async run({ page, lab }) {
      const view = explainer(page);
      const host = `127.0.0.1:${lab.xrdpPort}`;
      await view.getByLabel(/host or host:port/).fill(host);
      await view.getByRole('button', { name: 'Run checks' }).click();
      await view.getByText(/^Checked .*: DNS ok · TCP ok · Negotiation/).waitFor({ timeout: 25_000 });
      // "Checked …" once: the summary line says it, the status line (no longer "Checking…") does not repeat it.
      await until('the status line to clear', async () => ((await view.getByRole('status').textContent()) ?? '').trim() === '');
      await until('one "Checked" line', async () => (await view.getByText(/^Checked /).count()) === 1);
      await view.getByRole('row', { name: /NET002 tcp-refused/ }).getByText('Ruled out').waitFor();
      await view.getByRole('row', { name: /GPO001 rdp-connections-denied/ }).getByText('Not determined').waitFor();
    },
  },
  {
    name: 'closing the explainer leaves the editor area empty',
    async run({ page }) {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Notifications: Clear All Notifications');
      await runCommand(page, 'View: Close All Editors');
      await page.locator('.tabs-container .tab', { hasText: '0x904' }).waitFor({ state: 'detached' });
    },
  },
];
