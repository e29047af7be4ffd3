import * as vscode from 'vscode';
import { core } from './core';
import type { CheckTarget, HostCheckResult } from '../core/net/index';
import { noThemeIcons, plainWorkbenchText } from '../core/text/terminal';
import { hostKey } from './check-runner';
import type { CheckService } from './check-service';
import type { CertificateViews } from './certificate-view';
import type { HostRegistry } from './host-registry';
import type { HostsNode, HostsView } from './hosts-view';
import { settings } from './settings';

export interface HostCommandContext {
  readonly checks: CheckService;
  readonly registry: HostRegistry;
  readonly hostsView: HostsView;
  readonly certificates: CertificateViews;
}

type Handler = (...args: never[]) => unknown;

/** `host[:port]` typed by a user, or undefined with the reason in `problem`. */
export function targetFromInput(text: string): CheckTarget | { problem: string } {
  const parsed = core().parseAddress(text.trim());
  if (!parsed.ok) return { problem: `Not a host or host:port: ${parsed.problem}.` };
  const port = parsed.address.port ?? core().DEFAULT_RDP_PORT;
  return { target: core().displayTarget(parsed.address.host, port), host: parsed.address.host, port };
}

/** A command's host argument: a Hosts view node, a `host:port` string, or a check target. */
function targetOfArg(arg: unknown): CheckTarget | undefined {
  if (typeof arg === 'string') {
    const t = targetFromInput(arg);
    return 'problem' in t ? undefined : t;
  }
  if (arg && typeof arg === 'object') {
    const node = arg as Partial<Exclude<HostsNode, { kind: 'group' }>>;
    if (typeof node.host === 'object' && node.host !== null && 'target' in node.host) return node.host.target;
    if ('host' in arg && 'port' in arg) return arg as CheckTarget;
  }
  return undefined;
}

async function askTarget(registry: HostRegistry): Promise<CheckTarget | undefined> {
  const known = registry.hosts();
  const value = await vscode.window.showInputBox({
    title: 'Check a Remote Desktop host',
    prompt: 'The host name or address, with the port when it is not 3389 (DNS, TCP, RDP negotiation, TLS and the certificate are checked).',
    placeHolder: known[0]?.target.target ?? 'rdsh01.contoso.com:3389',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const t = targetFromInput(text);
      return 'problem' in t ? t.problem : undefined;
    },
  });
  if (!value) return undefined;
  const t = targetFromInput(value);
  return 'problem' in t ? undefined : t;
}

/** The checked host a certificate command is about: its argument, or a pick among the checked hosts. */
async function checkedHost(ctx: HostCommandContext, arg: unknown): Promise<HostCheckResult | undefined> {
  const target = targetOfArg(arg);
  if (target) {
    const result = ctx.checks.latest(hostKey(target.host, target.port));
    if (!result?.certificate) void vscode.window.showWarningMessage(plainWorkbenchText(`RDP Doctor has no certificate for ${target.target}: check the host first.`));
    return result?.certificate ? result : undefined;
  }
  const withCerts = ctx.checks.allResults().filter((r) => r.certificate);
  if (withCerts.length === 0) {
    void vscode.window.showInformationMessage('No certificate yet: check a host that offers TLS first.');
    return undefined;
  }
  if (withCerts.length === 1) return withCerts[0];
  const pick = await vscode.window.showQuickPick(
    // The subject is the server's, the target the file's: shown as text, never as icons.
    withCerts.map((r) => ({ label: noThemeIcons(r.target), description: noThemeIcons(core().subjectLabel(r.certificate!)), result: r })),
    { title: 'Show the certificate of which host?' },
  );
  return pick?.result;
}

export function hostCommands(ctx: HostCommandContext): Record<string, Handler> {
  return {
    'rdpDoctor.checkHost': async (arg?: unknown) => {
      const target = targetOfArg(arg) ?? (await askTarget(ctx.registry));
      if (!target) return undefined;
      const results = await ctx.checks.check([target]);
      // A host in no file lands in the view's "Checked" group (the view keeps every result it hears of).
      await ctx.hostsView.reveal(hostKey(target.host, target.port));
      return results[0];
    },
    'rdpDoctor.checkAllHosts': async (options?: { readonly confirm?: boolean }) => {
      await ctx.registry.ready();
      const hosts = ctx.registry.hosts();
      if (hosts.length === 0) {
        void vscode.window.showInformationMessage('No hosts in this workspace: open a folder with .rdp files, or add a hosts list to .rdpdoctor.yaml.');
        return [];
      }
      // Probing every server of the workspace is not something to do by mistake: ask, unless turned off.
      if (hosts.length > 1 && options?.confirm !== false && settings.confirmCheckAll()) {
        const check = `Check ${hosts.length} Hosts`;
        const always = 'Check, and Do Not Ask Again';
        const shown = hosts.slice(0, 8).map((h) => h.target.target);
        const answer = await vscode.window.showWarningMessage(
          `Check all ${hosts.length} hosts of the workspace?`,
          {
            modal: true,
            detail: `RDP Doctor connects to each (DNS, TCP, the RDP negotiation, TLS): ${shown.join(', ')}${hosts.length > shown.length ? ` and ${hosts.length - shown.length} more` : ''}.`,
          },
          check,
          always,
        );
        if (answer === undefined) return [];
        if (answer === always) await vscode.workspace.getConfiguration('rdpDoctor').update('checks.confirmCheckAll', false, vscode.ConfigurationTarget.Global);
      }
      return ctx.checks.check(hosts.map((h) => h.target));
    },
    'rdpDoctor.revealHost': (key?: string) => (typeof key === 'string' ? ctx.hostsView.reveal(key, true) : undefined),
    'rdpDoctor.checkFileHost': async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'rdp') {
        void vscode.window.showInformationMessage('Open an .rdp file to check its host.');
        return undefined;
      }
      const target = await ctx.registry.settledTargetOf(document);
      if (!target && document.isClosed) return undefined; // closed while its lint ran
      if (!target) {
        // A large document's parse is the lint worker's summary of it: none when linting is off, or its lint failed.
        const parsed = ctx.registry.documentOf(document);
        const uncheckable = parsed && core().uncheckableReason(parsed);
        const failure = ctx.registry.readFailure(document);
        if (!parsed)
          void vscode.window.showInformationMessage(
            !settings.lintEnabled(document.uri)
              ? 'RDP Doctor reads a large file\'s host with its lint, and linting is off for this file: turn on the setting RDP Doctor › Lint: Enable (rdpDoctor.lint.enable) to check its host.'
              : failure
                ? 'RDP Doctor could not read this large file (see the RDP Doctor log): its host is not known.'
                : 'This file changed while RDP Doctor read it: check its host again.',
          );
        else if (uncheckable) void vscode.window.showInformationMessage(`This file ${uncheckable}.`);
        else void vscode.window.showErrorMessage('This file has no valid full address to check.');
        return undefined;
      }
      const results = await ctx.checks.check([target], { from: document.uri });
      return results[0];
    },
    'rdpDoctor.showCertificate': async (arg?: unknown) => {
      const result = await checkedHost(ctx, arg);
      return result ? ctx.certificates.show(result) : undefined;
    },
    'rdpDoctor.copyThumbprint': async (arg?: unknown) => {
      const result = await checkedHost(ctx, arg);
      if (!result?.certificate) return undefined;
      await vscode.env.clipboard.writeText(result.certificate.sha1);
      void vscode.window.showInformationMessage(plainWorkbenchText(`Copied the thumbprint of ${result.target}: ${result.certificate.sha1}`));
      return result.certificate.sha1;
    },
    'rdpDoctor.cancelChecks': () => ctx.checks.cancelAll(),
    'rdpDoctor.refreshHosts': () => ctx.registry.refresh(),
    'rdpDoctor.openHostFile': async (arg?: unknown) => {
      const node = arg as HostsNode | undefined;
      const files = node?.kind === 'file' ? [node.uri] : node && node.kind !== 'group' ? node.host.files : [];
      if (files.length === 0) return undefined;
      const uri =
        files.length === 1
          ? files[0]
          : (await vscode.window.showQuickPick(files.map((f) => ({ label: noThemeIcons(vscode.workspace.asRelativePath(f)), uri: f })), { title: 'Open which file?' }))?.uri;
      return uri ? vscode.window.showTextDocument(uri) : undefined;
    },
  };
}
