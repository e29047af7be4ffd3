import type { FixParam } from '../types';

/** The documentation the scripts follow (the facts are in the project's reference notes). */
export const SOURCE = {
  tsGeneralSetting: 'https://learn.microsoft.com/windows/win32/termserv/win32-tsgeneralsetting',
  setSecurityLayer: 'https://learn.microsoft.com/windows/win32/termserv/win32-tsgeneralsetting-setsecuritylayer',
  setUserAuthentication: 'https://learn.microsoft.com/windows/win32/termserv/setuserauthenticationrequired-win32-tsgeneralsetting',
  listenerCertificate: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/remote-desktop-listener-certificate-configurations',
  internalError: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/internal-error-has-occurred-connecting-remote-machine',
  cannotConnect: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/remote-desktop-cannot-connect-remote-computer',
  changePort: 'https://learn.microsoft.com/windows-server/remote/remote-desktop-services/remotepc/change-listening-port',
  credSsp: 'https://support.microsoft.com/help/4093492',
  testNetConnection: 'https://learn.microsoft.com/powershell/module/nettcpip/test-netconnection',
  enableFirewallRule: 'https://learn.microsoft.com/powershell/module/netsecurity/enable-netfirewallrule',
  setFirewallRule: 'https://learn.microsoft.com/powershell/module/netsecurity/set-netfirewallrule',
  icacls: 'https://learn.microsoft.com/windows-server/administration/windows-commands/icacls',
  setCimInstance: 'https://learn.microsoft.com/powershell/module/cimcmdlets/set-ciminstance',
  invokeCimMethod: 'https://learn.microsoft.com/powershell/module/cimcmdlets/invoke-cimmethod',
  gpresult: 'https://learn.microsoft.com/windows-server/administration/windows-commands/gpresult',
  runCommand: 'https://learn.microsoft.com/powershell/module/az.compute/invoke-azvmruncommand',
  azureEventIds: 'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/event-id-troubleshoot-vm-rdp-connecton',
  azureNames: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
  admx: 'https://github.com/mxk/windows-secure-group-policy',
} as const;

/** Optional everywhere it appears: without it the script runs on this computer. */
export const COMPUTER_NAME: FixParam = {
  key: 'computerName',
  label: 'Computer name',
  description: 'The server to run it on through PowerShell remoting (WinRM); leave it out to run on this computer.',
  kind: 'computerName',
  required: false,
  placeholder: 'rdsh01.contoso.com',
};

/** The RDP listener's settings object; TerminalName filters out other listeners. */
export const GET_LISTENER =
  "    $ts = Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName 'Win32_TSGeneralSetting' -Filter \"TerminalName='RDP-Tcp'\"";

/**
 * The built-in inbound rules "Remote Desktop - User Mode (TCP-In)" and "(UDP-In)", by their names, the same under
 * every display language. The group's third rule, Shadow, lets administrators watch sessions and stays as it is.
 */
export const RDP_USER_MODE_RULES = "'RemoteDesktop-UserMode-In-TCP', 'RemoteDesktop-UserMode-In-UDP'";

/** The firewall profiles the user-mode rules are enabled on. */
export const FIREWALL_PROFILES: FixParam = {
  key: 'profiles',
  label: 'Firewall profiles',
  description: 'The network profiles Remote Desktop is allowed on: Domain, Private, Public, or two or three of them joined with + (Domain+Private).',
  kind: 'choice',
  // NOTE: joined with + because a comma separates the items of a VS Code snippet choice.
  choices: ['Domain+Private', 'Domain', 'Private', 'Domain+Private+Public', 'Domain+Public', 'Private+Public', 'Public'],
  required: false,
  placeholder: 'Domain+Private',
  default: 'Domain+Private',
};

/**
 * Lines inside `$fix` (which takes `$Profiles`): enable the two user-mode rules on those profiles only, and leave in
 * `$firewallUndo` the command that puts back each rule's previous state and profiles.
 */
export const ENABLE_USER_MODE_RULES: readonly string[] = [
  `    $ruleNames = ${RDP_USER_MODE_RULES}`,
  '    $before = @(Get-NetFirewallRule -Name $ruleNames)',
  "    $firewallUndo = @($before | ForEach-Object { 'Set-NetFirewallRule -Name ''{0}'' -Enabled {1} -Profile ''{2}''' -f $_.Name, $_.Enabled, $_.Profile }) -join '; '",
  "    Set-NetFirewallRule -Name $ruleNames -Profile ($Profiles -split '\\+') -Enabled 'True'",
];

/** Elevation is needed here only when the fix runs on this computer. */
export const REQUIRES_ADMIN_LOCALLY = '{{!computerName}}#Requires -RunAsAdministrator';

/** The remote computer, after the fix's other values. */
export const COMPUTER_NAME_VARIABLE = '{{?computerName}}$ComputerName = {{computerName}}';

/**
 * Runs `$fix` here, or remotely when a computer name is given, passing the listed variables as arguments.
 * The remote form still runs here when `$ComputerName` is emptied, so a snippet (which always has the
 * variable) works on the server's own console too.
 */
export function invokeFix(args: readonly string[] = [], assignTo?: string): string[] {
  const list = args.map((a) => `$${a}`);
  const target = assignTo ? `$${assignTo} = ` : '';
  const remote = `Invoke-Command -ComputerName $ComputerName -ScriptBlock $fix${list.length ? ` -ArgumentList ${list.join(', ')}` : ''}`;
  const local = `& $fix${list.length ? ` ${list.join(' ')}` : ''}`;
  return [`{{?computerName}}${target}if ($ComputerName) { ${remote} } else { ${local} }`, `{{!computerName}}${target}${local}`];
}
