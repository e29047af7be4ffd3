// The Restricted Mode test (run.mjs phase c): an untrusted folder whose .rdp file and inventory point at a counting
// listener, with rdpDoctor.checks.onOpen on in the user and the workspace settings.
import { openFromExplorer, openWorkbench, runCommand, until } from '../../scripts/vscode-workbench.mjs';

export async function run({ page, url, listener }) {
  await openWorkbench(page, url);
  // The workbench says it is in Restricted Mode, so the test is about what it claims to be.
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
  await openFromExplorer(page, 'untrusted.rdp');
  // Linting works in Restricted Mode: the extension is active and has read the file.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').getByText(/Server authentication failures are accepted/).first().waitFor();
  // The Hosts view lists the file's host (the inventory and the .rdp file name the same one), unchecked.
  await runCommand(page, 'RDP Doctor: Focus on Hosts View');
  const host = page.getByRole('treeitem', { name: new RegExp(`127\\.0\\.0\\.1:${listener.port}`) }).first();
  await host.waitFor();
  await until('the host to read "not checked"', async () => /not checked/.test((await host.textContent()) ?? ''));
  // The extension reached its checks-on-open decision and declined: the log says so.
  await runCommand(page, 'RDP: Show Output');
  await page.locator('.part.panel .monaco-editor .view-lines', { hasText: 'Restricted Mode: checks on open are off' }).first().waitFor();
  if (listener.count() !== 0) throw new Error(`${listener.count()} connection(s) reached the listener in Restricted Mode before any check command.`);
  // An explicit command does connect: the listener is real and would have counted a connection.
  await runCommand(page, 'RDP: Check Workspace Hosts');
  await until('the explicit check to reach the listener', async () => listener.count() > 0, 15_000);
}
