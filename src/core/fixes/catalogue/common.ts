import { sourceUrl } from '../../knowledge/sources';
import type { FixParam } from '../types';

/** The documents the scripts follow, by the names the catalogue uses; titles and addresses live in the one source list. */
export const SOURCE = {
  tsGeneralSetting: sourceUrl('WMI-TSGENERAL'),
  setSecurityLayer: sourceUrl('WMI-SETSECURITYLAYER'),
  setUserAuthentication: sourceUrl('WMI-SETUSERAUTH'),
  listenerCertificate: sourceUrl('LISTENER-CERT'),
  internalError: sourceUrl('INTERNAL-ERROR'),
  cannotConnect: sourceUrl('CANT-CONNECT'),
  changePort: sourceUrl('LISTENING-PORT'),
  credSsp: sourceUrl('KB4093492'),
  testNetConnection: sourceUrl('PS-TEST-NETCONNECTION'),
  enableFirewallRule: sourceUrl('PS-ENABLE-NETFIREWALLRULE'),
  setFirewallRule: sourceUrl('PS-SET-NETFIREWALLRULE'),
  newFirewallRule: sourceUrl('PS-NEW-NETFIREWALLRULE'),
  firewallAddressFilter: sourceUrl('PS-GET-NETFIREWALLADDRESSFILTER'),
  remoteTroubleshooting: sourceUrl('PS-REMOTE-TROUBLESHOOTING'),
  icacls: sourceUrl('ICACLS'),
  takeown: sourceUrl('TAKEOWN'),
  wellKnownSids: sourceUrl('WELL-KNOWN-SIDS'),
  setCimInstance: sourceUrl('PS-SET-CIMINSTANCE'),
  invokeCimMethod: sourceUrl('PS-INVOKE-CIMMETHOD'),
  gpresult: sourceUrl('GPRESULT'),
  runCommand: sourceUrl('AZ-RUNCOMMAND'),
  azureEventIds: sourceUrl('AZURE-EVENT-IDS'),
  azureNames: sourceUrl('AZURE-NAMES'),
  admx: sourceUrl('TS-ADMX'),
} as const;

/**
 * Optional everywhere it appears: without it the script runs on this computer. Kerberos does not work with an IP address,
 * so remoting to one uses NTLM and needs -Credential, and HTTPS or the address in TrustedHosts (about_Remote_Troubleshooting).
 */
export const COMPUTER_NAME: FixParam = {
  key: 'computerName',
  label: 'Computer name',
  description:
    "The server to run it on through PowerShell remoting (WinRM), best by its host name: to an IP address remoting needs -Credential (the script then asks for one) and HTTPS or the address in this computer's WinRM TrustedHosts list; leave it out to run on this computer.",
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
  description: 'The network profiles to allow Remote Desktop on, added to those each rule already has (none is taken away): Domain, Private, Public, or two or three of them joined with + (Domain+Private).',
  kind: 'choice',
  // NOTE: joined with + because a comma separates the items of a VS Code snippet choice.
  choices: ['Domain+Private', 'Domain', 'Private', 'Domain+Private+Public', 'Domain+Public', 'Private+Public', 'Public'],
  required: false,
  placeholder: 'Domain+Private',
  default: 'Domain+Private',
};

/**
 * Lines inside `$fix` (which takes `$Profiles`): enable the two user-mode rules, each on the profiles it had plus those
 * asked for, and leave in `$firewallUndo` the command that puts back each rule's previous state and profiles.
 * `Set-NetFirewallRule -Profile` replaces a rule's profiles ("the rule is active … only when the specified profile is
 * currently active"): setting the list asked for took Public off rules that had it, and with it Remote Desktop on a
 * server whose network is Public (many cloud and workgroup machines), the admin's own connection included.
 */
export const ENABLE_USER_MODE_RULES: readonly string[] = [
  `    $ruleNames = ${RDP_USER_MODE_RULES}`,
  '    $before = @(Get-NetFirewallRule -Name $ruleNames)',
  "    $firewallUndo = @($before | ForEach-Object { 'Set-NetFirewallRule -Name ''{0}'' -Enabled {1} -Profile ''{2}''' -f $_.Name, $_.Enabled, $_.Profile }) -join '; '",
  '    foreach ($rule in $before) {',
  '        # A rule on every profile (Any) stays so; another keeps its profiles and gains those asked for.',
  '        # Named $ruleProfiles: PowerShell names ignore case, so a lower-case $Profiles would be the parameter itself.',
  "        $ruleProfiles = if ($rule.Profile -eq 'Any') { 'Any' } else { @(($rule.Profile.ToString() -split ',\\s*') + ($Profiles -split '\\+') | Select-Object -Unique) }",
  "        Set-NetFirewallRule -Name $rule.Name -Profile $ruleProfiles -Enabled 'True'",
  '    }',
];

/**
 * Above the `$fix` of a script that only ever runs here. #Requires stops a script file, not lines pasted into a console
 * (about_Requires: it "prevents a script from running"), where a write that failed was a non-terminating error and the
 * lines after it printed the new value all the same. Inside `$fix`, 'Stop' ends the fix at the first error without
 * changing the console's own preference.
 */
export const STOP_ON_ERROR_NOTE: readonly string[] = [
  '# In $fix, the first error stops it (also when pasted into a console that is not elevated, which #Requires does not stop);',
  '# what it prints is read back from the registry.',
];

/** Elevation is needed here only when the fix runs on this computer. */
export const REQUIRES_ADMIN_LOCALLY = '{{!computerName}}#Requires -RunAsAdministrator';

/** The remote computer, after the fix's other values. */
export const COMPUTER_NAME_VARIABLE = '{{?computerName}}$ComputerName = {{computerName}}';

/** Said above the remote call when the computer name is an IP address, which is why it has -Credential. */
const IP_REMOTING_NOTE = [
  '# $ComputerName is an IP address. Kerberos does not work with one, so PowerShell remoting uses NTLM: it needs',
  "# -Credential (asked for below) and HTTPS (-UseSSL) or the address in this computer's WinRM TrustedHosts list.",
  `# ${SOURCE.remoteTroubleshooting}`,
];

/**
 * Runs `$fix` here, or remotely when a computer name is given, passing the listed variables as arguments.
 * The remote form still runs here when `$ComputerName` is emptied, so a snippet (which always has the
 * variable) works on the server's own console too. To an IP address it passes -Credential, which remoting to one
 * requires "even when you connect as the current user" (about_Remote_Troubleshooting); Get-Credential and
 * Invoke-Command -Credential are the same in Windows PowerShell 5.1 and PowerShell 7.
 */
export function invokeFix(args: readonly string[] = [], assignTo?: string): string[] {
  const list = args.map((a) => `$${a}`);
  const target = assignTo ? `$${assignTo} = ` : '';
  const remote = (credential: string): string =>
    `Invoke-Command -ComputerName $ComputerName${credential} -ScriptBlock $fix${list.length ? ` -ArgumentList ${list.join(', ')}` : ''}`;
  const local = `& $fix${list.length ? ` ${list.join(' ')}` : ''}`;
  return [
    `{{?computerName:name}}${target}if ($ComputerName) { ${remote('')} } else { ${local} }`,
    ...IP_REMOTING_NOTE.map((line) => `{{?computerName:ip}}${line}`),
    `{{?computerName:ip}}${target}if ($ComputerName) { ${remote(' -Credential (Get-Credential)')} } else { ${local} }`,
    `{{!computerName}}${target}${local}`,
  ];
}
