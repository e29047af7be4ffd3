// UI tests of an admin's day without dead ends (issue 14): the palette, ad-hoc checks, Harden, the outline, CodeLens,
// the Explorer's context menus, Lint Workspace, a folder of policy exports only, and Registry.pol's custom editor.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorText, openFromExplorer, openWorkbench, runCommand, until } from '../../../scripts/vscode-workbench.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HARDEN_ME = 'full address:s:rdsh01.invalid\r\nauthentication level:i:0\r\nenablecredsspsupport:i:0\r\ndesktopwidth:i:1920\r\nredirectclipboard:i:1\r\n';

/** The workbench URL of another folder, on the same code-server and with the same extension. */
function urlOf(url, folder) {
  const u = new URL(url);
  u.searchParams.set('folder', folder);
  return u.toString();
}

const quickInput = (page) => page.locator('.quick-input-widget input.input');
const problems = (page) => page.locator('.markers-panel');

/** Right-clicks a file of the Explorer and returns the names of the context menu's items, then closes the menu. */
async function contextMenu(page, name) {
  const item = page.getByRole('tree', { name: /Files Explorer/i }).getByRole('treeitem', { name, exact: true });
  // The mouse may rest on another Explorer row from the test before: its tooltip would lie over this row.
  await page.mouse.move(700, 5);
  await page.keyboard.press('Escape');
  // A file a test has just written appears when the Explorer's file watcher reports it, which lags on a loaded machine.
  await until(`${name} in the Explorer`, async () => {
    if (await item.isVisible()) return true;
    await page.keyboard.press('Control+Shift+E');
    // As a user would: the Explorer's Refresh reads the folder again instead of waiting for its watcher.
    const refresh = page.locator('.pane-header .action-label[aria-label="Refresh Explorer"]');
    await page.locator('.pane-header', { has: refresh }).hover().catch(() => {});
    await refresh.click({ timeout: 2_000 }).catch(() => {});
    await page.mouse.move(700, 5);
    return false;
  }, 40_000);
  await item.click({ button: 'right' });
  const menu = page.locator('.monaco-menu');
  await menu.waitFor();
  const names = await menu.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  return names.map((n) => n.trim());
}

export const tests = [
  {
    name: 'typing "Check Host" in the palette finds the single-host command first',
    async run({ page, url }) {
      // The workbench of the modules before is kept (a reload restores their untitled backups); alone, it opens one.
      if (!(await page.locator('.monaco-workbench').isVisible())) await openWorkbench(page, url);
      // The palette lists the extension's commands once its contributions are registered (the activity bar shows it).
      await page.locator('.activitybar .action-label[aria-label^="RDP Doctor"]').waitFor();
      await page.keyboard.press('F1');
      await quickInput(page).fill('>Check Host');
      const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
      await until('the first match to be RDP: Check Host…', async () => /^RDP: Check Host…/.test(((await first.textContent()) ?? '').trim()));
      // The workspace command does not come first, and does not start without asking.
      const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allTextContents();
      if (!rows.some((r) => r.includes('RDP: Check Workspace Hosts'))) throw new Error(`"Check Workspace Hosts" is not listed: ${rows.join(' | ')}`);
    },
  },
  {
    name: 'an ad-hoc check (a host in no file) lands under "Checked" in the Hosts view, and the notification has Show',
    async run({ page, lab }) {
      await page.keyboard.press('Enter'); // the first match: RDP: Check Host…
      await page.locator('.quick-input-widget', { hasText: 'Check a Remote Desktop host' }).waitFor();
      // Loopback where the lab listens on 127.0.0.1 only: a refused connection, still a result.
      const adhoc = `127.0.0.2:${lab.xrdpPort}`;
      await quickInput(page).fill(adhoc);
      await page.keyboard.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `RDP Doctor checked ${adhoc}` });
      await toast.waitFor({ timeout: 20_000 });
      await toast.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('treeitem', { name: /^Checked/ }).waitFor();
      await page.getByRole('treeitem', { name: new RegExp(`^${adhoc.replace(/\./g, '\\.')}, 1 error`) }).waitFor();
    },
  },
  {
    name: '"Check Workspace Hosts" asks first when the workspace has several hosts; Cancel checks nothing',
    async run({ page }) {
      await runCommand(page, 'RDP: Check Workspace Hosts');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.getByText(/^Check all \d+ hosts of the workspace\?/).waitFor();
      await dialog.getByRole('button', { name: /^Check \d+ Hosts$/ }).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      if (await page.locator('.notifications-toasts', { hasText: /Checking \d+ hosts/ }).isVisible()) throw new Error('a check started after Cancel');
      await runCommand(page, 'Notifications: Clear All Notifications');
    },
  },
  {
    name: '"Harden Connection File…" shows a summary, and Harden changes the file',
    async run({ page, folder }) {
      writeFileSync(join(folder, 'harden-me.rdp'), HARDEN_ME);
      await openFromExplorer(page, 'harden-me.rdp');
      await runCommand(page, 'RDP: Harden Connection File…');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.getByText(/^Harden harden-me\.rdp: \d+ changes/).waitFor();
      await dialog.getByText(/authentication level/).first().waitFor();
      await dialog.getByRole('button', { name: 'Harden' }).click();
      await until('the hardened text in the editor', async () => {
        const text = await editorText(page);
        return text.includes('authentication level:i:2') && text.includes('enablecredsspsupport:i:1');
      });
      await page.keyboard.press('Control+S');
      await until('the file on disk to change', async () => {
        const disk = readFileSync(join(folder, 'harden-me.rdp'), 'utf8');
        return disk.includes('authentication level:i:2') && !disk.includes('authentication level:i:0');
      });
    },
  },
  {
    name: 'the outline lists the .rdp file by section',
    async run({ page }) {
      await runCommand(page, 'Explorer: Focus on Outline View');
      const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Outline/i }) });
      const connection = outline.getByRole('treeitem', { name: /^Connection/ });
      await connection.waitFor();
      // The pane is short: fold the first section so the next ones show.
      await connection.locator('.monaco-tl-twistie').click();
      await outline.getByRole('treeitem', { name: /^Redirection/ }).waitFor();
      await outline.getByRole('treeitem', { name: /^Display/ }).waitFor();
    },
  },
  {
    name: 'a CodeLens "Check host · Explain" sits on the full address line',
    async run({ page }) {
      await openFromExplorer(page, 'clean.rdp');
      const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
      await lenses.getByText('Check host').waitFor();
      await lenses.getByText('Explain').waitFor();
    },
  },
  {
    name: 'the CodeLens "Explain" opens the explainer with the file\'s host chosen',
    async run({ page }) {
      await page.locator('.editor-group-container.active .monaco-editor .codelens-decoration').getByText('Explain').click();
      await page.locator('.quick-input-widget', { hasText: 'Explain a Remote Desktop error code' }).waitFor();
      await quickInput(page).fill('0x904 0x7');
      await page.keyboard.press('Enter');
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      // A host of the workspace is chosen in the select (the text field is for any other host).
      const chooser = view.getByLabel('Host of the workspace');
      await until('the file\'s host in the explainer', async () => (await chooser.inputValue()) === 'rdsh01.contoso.com:3389', 15_000);
      await runCommand(page, 'View: Close Editor');
      await page.locator('.tabs-container .tab', { hasText: '0x904' }).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'Harden\'s modal dialog shows a file named like a link and an icon as written, with no link or icon',
    async run({ page, folder }) {
      // A modal dialog sets its message and detail as plain text (vs/base/browser/ui/dialog/dialog.ts, innerText): the
      // name must appear as it is, not with the backslashes a notification needs (plainWorkbenchText).
      const name = '[Trust](command:workbench.action.quit) $(alert).rdp';
      writeFileSync(join(folder, name), HARDEN_ME);
      await openFromExplorer(page, name);
      await runCommand(page, 'RDP: Harden Connection File…');
      const message = page.locator('.monaco-dialog-box .dialog-message-container');
      await message.getByText(/^Harden /).first().waitFor();
      const text = (await message.locator('.dialog-message-text').textContent()) ?? '';
      if (!/^Harden \[Trust\]\(command:workbench\.action\.quit\) \$\(alert\)\.rdp: \d+ changes$/.test(text)) throw new Error(`the dialog says ${JSON.stringify(text)}`);
      const links = await message.locator('a').count();
      const icons = await message.locator('.codicon-alert').count();
      if (links + icons > 0) throw new Error(`the dialog rendered ${links} link(s) and ${icons} icon(s) from the file's name`);
      await page.keyboard.press('Escape');
      await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
      await until('the file left as it was', async () => readFileSync(join(folder, name), 'utf8') === HARDEN_ME);
    },
  },
  {
    name: 'the Explorer\'s context menu on an .rdp file offers Check, Harden and Explain',
    async run({ page }) {
      const items = await contextMenu(page, 'harden-me.rdp');
      for (const expected of ["Check This File's Host", 'Harden Connection File…', 'Explain Error Code…']) {
        if (!items.includes(expected)) throw new Error(`"${expected}" is not in the menu: ${items.join(' | ')}`);
      }
    },
  },
  {
    name: '"RDP: Lint Workspace" fills Problems for files that are not open',
    async run({ page }) {
      await runCommand(page, 'RDP: Lint Workspace');
      // The command shows the Problems panel when the CLI has finished.
      // close-me.rdp is never opened in the UI tests: only the CLI run by the task can report it (the list is sorted by file).
      await problems(page).locator('.monaco-list-row', { hasText: 'close-me.rdp' }).first().waitFor({ timeout: 25_000 });
      await problems(page).getByText('"desktopwidth" is an integer property (i), not s; clients ignore or reject the line.').first().waitFor();
    },
  },
  {
    name: 'a folder with only a Group Policy report shows its diagnostics, no other file opened',
    async run({ page, url, folder }) {
      const reports = join(dirname(folder), 'workspace-report');
      mkdirSync(reports, { recursive: true });
      copyFileSync(join(ROOT, 'test/fixtures/gpo/samples/gpreport-rdp.xml'), join(reports, 'gpreport.xml'));
      await openWorkbench(page, urlOf(url, reports));
      await openFromExplorer(page, 'gpreport.xml');
      await page.keyboard.press('Control+Shift+M');
      await problems(page).getByText(/"SecurityLayer" is 0 \(RDP\) in the policy: the connection uses Standard RDP Security/).waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'Registry.pol opens straight into its text view (custom editor), and its context menu has Open as Text',
    // The Explorer may take a while to list the file just written on a loaded machine (contextMenu waits up to 40 s).
    deadlineMs: 60_000,
    async run({ page, folder }) {
      const reports = join(dirname(folder), 'workspace-report');
      copyFileSync(join(ROOT, 'test/fixtures/gpo/samples/rdp-bad.pol'), join(reports, 'Registry.pol'));
      const items = await contextMenu(page, 'Registry.pol');
      if (!items.includes('Open Registry.pol as Text')) throw new Error(`"Open Registry.pol as Text" is not in the menu: ${items.join(' | ')}`);
      await page.getByRole('tree', { name: /Files Explorer/i }).getByRole('treeitem', { name: 'Registry.pol', exact: true }).dblclick();
      await page.locator('.tabs-container .tab.active', { hasText: 'Registry.pol.txt' }).waitFor();
      await until('the policy as text', async () => (await editorText(page)).includes('SecurityLayer'));
      if (await page.getByText(/binary or uses an unsupported text encoding/).isVisible()) throw new Error('the binary placeholder is shown');
      // One editor for the pattern: VS Code asked which of "multiple default editors" to use when it was registered
      // under *.pol, *.POL and *.Pol (it compares patterns and names lowercased).
      if (await page.getByText(/multiple default editors/i).first().isVisible()) throw new Error('VS Code asks which of several default editors to use');
      await runCommand(page, 'View: Close All Editors');
    },
  },
];
