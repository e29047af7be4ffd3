// The Restricted Mode test (run.mjs phase c): an untrusted folder whose .rdp files and inventory name a host that only
// the dns-count.cjs hook resolves, on the port of a counting listener, with rdpDoctor.checks.onOpen on in the user and
// the workspace settings. DNS lookups and connections are counted over the whole test, not once after a log line.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openFromExplorer, openWorkbench, runCommand, until } from '../../scripts/vscode-workbench.mjs';

/** How long the test keeps watching after every file is open: a check started late (a timer, a debounce) still counts. */
const QUIET_MS = 6_000;

export async function run({ page, url, folder, listener, dns, extensionLog, outsideCa }) {
  const nothingYet = (when) => {
    const lookups = dns.count();
    const connections = listener.count();
    if (lookups !== 0 || connections !== 0) {
      throw new Error(`${when}: ${lookups} DNS lookup(s) of ${dns.name} and ${connections} connection(s) to the listener in Restricted Mode before any check command.`);
    }
  };
  await openWorkbench(page, url);
  // The workbench says it is in Restricted Mode, so the test is about what it claims to be.
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
  await openFromExplorer(page, 'untrusted.rdp');
  // Linting works in Restricted Mode: the extension is active and has read the file. The workspace's settings turn
  // RDP022 off and linting off, its .rdpdoctor.yaml RDP022 off; in Restricted Mode none of it applies, so the file's
  // RDP022 warning shows.
  await page.keyboard.press('Control+Shift+M');
  const rdp022 = page.locator('.markers-panel').getByText(/Server authentication failures are accepted/).first();
  await rdp022.waitFor();
  // Said once in the Output channel, and by a language status item on the file.
  await until('the log line about the config rule not applied', async () => /Restricted Mode: .*\.rdpdoctor\.yaml sets what is not applied until you trust the workspace \(RDP022: off, NET004: off, trust\.ca: inside-ca\.pem, [^)]*outside[^)]*, checks\.timeoutMs: 100, checks\.concurrency: 256\)/.test(extensionLog()), 15_000);
  await page.locator('[id="status.languageStatus"]').hover();
  await page.locator('.hover-language-status', { hasText: /\.rdpdoctor\.yaml: RDP022: off, NET004: off, trust\.ca: inside-ca\.pem, .*checks\.timeoutMs: 100, checks\.concurrency: 256 not applied until you trust the workspace/ }).first().waitFor();
  await page.keyboard.press('Escape');
  // The hook is in the extension host, so a count of zero means no lookup, not a hook that was never loaded.
  await until('the DNS hook in the extension host', async () => dns.loadedIn().some((role) => /extensionHost/i.test(role)), 10_000).catch(() => {
    throw new Error(`The DNS hook was not loaded into the extension host (loaded in: ${JSON.stringify(dns.loadedIn())}).`);
  });
  // The Hosts view lists the files' host (the inventory and both files name the same one), unchecked.
  await runCommand(page, 'RDP Doctor: Focus on Hosts View');
  const host = page.getByRole('treeitem', { name: new RegExp(`${dns.name.replace(/\./g, '\\.')}:${listener.port}`) }).first();
  await host.waitFor();
  await until('the host to read "not checked"', async () => /not checked/.test((await host.textContent()) ?? ''));
  // Every file that names the host is opened, the inventory too: each open is a chance for a check on open.
  await openFromExplorer(page, 'second.rdp');
  await openFromExplorer(page, '.rdpdoctor.yaml');
  // The extension reached its checks-on-open decision and declined: its log says so.
  await until('the log line "checks on open are off"', async () => /Restricted Mode: checks on open are off/.test(extensionLog()), 15_000);
  nothingYet('After opening the files');
  // Then nothing may happen for a while either: a connection made seconds later is as much a regression.
  const quietUntil = Date.now() + QUIET_MS;
  while (Date.now() < quietUntil) {
    nothingYet(`Within ${QUIET_MS / 1000} s of opening the files`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  nothingYet(`${QUIET_MS / 1000} s after opening the files`);

  // The workspace lint runs the command line as a task, which VS Code refuses in Restricted Mode: the command says so
  // (it waited for the task's end for good before).
  await runCommand(page, 'RDP: Lint Workspace');
  await page.locator('.notification-toast', { hasText: /Lint Workspace runs the rdp-doctor command line as a task, which VS Code runs only in a trusted workspace/ }).first().waitFor({ timeout: 15_000 });
  await runCommand(page, 'Notifications: Clear All Notifications');
  nothingYet('After the workspace lint');

  // An explicit command does look up the name and connect: both counters work.
  await runCommand(page, 'RDP: Check Workspace Hosts');
  await until('the explicit check to look up the name', async () => dns.count() > 0, 15_000);
  await until('the explicit check to reach the listener', async () => listener.count() > 0, 15_000);

  // The check's finding shows on the files (the listener closes the connection after 1 s: NET004), though the config
  // turns it off; the workspace's 100 ms timeout (its settings and its config) would have made it a timeout instead.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  const net004 = page.locator('.markers-panel').getByText(/answering the Connection Request/).first();
  await net004.waitFor({ timeout: 15_000 });
  // The check read no CA file of the config, inside the folder or outside it: an untrusted folder adds no trust anchor.
  const outside = basename(outsideCa);
  const log = extensionLog();
  if (new RegExp(`inside-ca\\.pem|${outside.replace(/\./g, '\\.')} is not a CA certificate file|Cannot read the CA file`).test(log.split('\n').filter((l) => !/sets what is not applied/.test(l)).join('\n'))) {
    throw new Error(`A CA file of the untrusted folder's config was read in Restricted Mode:\n${log}`);
  }
  const connectionsBeforeTrust = listener.count();

  // Once the folder is trusted, its config's rules apply in full: RDP022 off hides the warning. The settings no longer
  // turn linting off, so it is the config that hides it (VS Code applies the workspace's settings once trusted).
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'rdpDoctor.checks.onOpen': true }));
  await runCommand(page, 'Workspaces: Manage Workspace Trust');
  await page.getByRole('button', { name: 'Trust', exact: true }).first().click();
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached' });
  await until('the log line "the workspace is trusted"', async () => /The workspace is trusted: the rules of its \.rdpdoctor\.yaml files apply in full/.test(extensionLog()), 15_000);
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  await rdp022.waitFor({ state: 'detached', timeout: 15_000 });
  // The check made in Restricted Mode is told again with the config's rules (NET004 off), without connecting again.
  await net004.waitFor({ state: 'detached', timeout: 15_000 });
  await until('the log line about the check told again', async () => /The workspace is trusted: the findings of 1 checked host are told again/.test(extensionLog()), 15_000);
  if (listener.count() !== connectionsBeforeTrust) throw new Error(`Trusting the folder connected to the listener again (${listener.count() - connectionsBeforeTrust} connection(s)).`);
}
