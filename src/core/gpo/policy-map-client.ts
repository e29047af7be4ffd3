import type { RegType } from './model';
import type { AdmxPolicy } from './policy-map';
import { KEYS } from './well-known-keys';

const CLIENT = 'Windows Components/Remote Desktop Services/Remote Desktop Connection Client';
const TS = KEYS.tsPolicy;
const DWORD: RegType = 'REG_DWORD';

/**
 * The policies of the connecting computer in the display-name → registry table (`admxPolicies`): Remote Desktop
 * Connection Client's (server authentication, UDP, saved passwords, `.rdp` publishers) and the credential delegation
 * ones CredSSP and Remote Credential Guard read.
 */
export function clientAdmxPolicies(): AdmxPolicy[] {
  return [
    {
      id: 'TS_CLIENT_TURN_OFF_UDP',
      displayName: 'Turn Off UDP On Client',
      category: CLIENT,
      classes: 'Machine',
      key: KEYS.tsClientPolicy,
      value: { name: 'fClientDisableUDP', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_SERVER_AUTH',
      displayName: 'Configure server authentication for client',
      category: CLIENT,
      classes: 'Machine',
      key: TS,
      elements: [
        {
          kind: 'DropDownList',
          label: 'Authentication setting:',
          valueName: 'AuthenticationLevel',
          type: DWORD,
          items: { 'Always connect, even if authentication fails': 0, 'Do not connect if authentication fails': 1, 'Warn me if authentication fails': 2 },
        },
      ],
      sources: ['TS-ADMX'],
    },
    {
      id: 'AllowEncryptionOracle',
      displayName: 'Encryption Oracle Remediation',
      category: 'System/Credentials Delegation',
      classes: 'Machine',
      key: KEYS.credssp,
      elements: [
        {
          kind: 'DropDownList',
          label: 'Protection Level:',
          valueName: 'AllowEncryptionOracle',
          type: DWORD,
          items: { 'Force Updated Clients': 0, Mitigated: 1, Vulnerable: 2 },
        },
      ],
      sources: ['CREDSSP-ADMX'],
    },
    {
      // Seen Enabled with "Require Remote Credential Guard" in a real GPO backup's report (GuyGuy-59/Sec_AD, GPO/{98713E77-…}/gpreport.xml).
      id: 'RestrictedRemoteAdministration',
      displayName: 'Restrict delegation of credentials to remote servers',
      category: 'System/Credentials Delegation',
      classes: 'Machine',
      key: KEYS.credentialsDelegation,
      value: { name: 'RestrictedRemoteAdministration', enabled: 1, disabled: 0 },
      elements: [
        {
          kind: 'DropDownList',
          label: 'Use the following restricted mode:',
          valueName: 'RestrictedRemoteAdministrationType',
          type: DWORD,
          items: { 'Require Restricted Admin': 1, 'Require Remote Credential Guard': 2, 'Restrict Credential Delegation': 3 },
        },
      ],
      sources: ['CREDSSP-ADMX', 'REMOTE-CREDENTIAL-GUARD'],
    },
    {
      id: 'TS_CLIENT_DISABLE_PASSWORD_SAVING',
      displayName: 'Do not allow passwords to be saved',
      category: CLIENT,
      classes: 'Both',
      key: TS,
      value: { name: 'DisablePasswordSaving', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_CLIENT_TRUSTED_CERTIFICATE_THUMBPRINTS',
      displayName: 'Specify SHA1 thumbprints of certificates representing trusted .rdp publishers',
      category: CLIENT,
      classes: 'Both',
      key: TS,
      elements: [{ kind: 'EditText', label: 'Comma-separated list of SHA1 trusted certificate thumbprints:', valueName: 'TrustedCertThumbprints', type: 'REG_SZ' }],
      sources: ['TS-ADMX'],
    },
    {
      // The same policy as renamed by the July 2026 update, which also accepts SHA-2 thumbprints ("RDP file security settings in Group Policy").
      id: 'TS_CLIENT_TRUSTED_CERTIFICATE_THUMBPRINTS (July 2026)',
      displayName: 'Specify thumbprints of certificates representing trusted .rdp publishers',
      category: CLIENT,
      classes: 'Both',
      key: TS,
      elements: [{ kind: 'EditText', label: 'Comma-separated list of trusted certificate thumbprints:', valueName: 'TrustedCertThumbprints', type: 'REG_SZ' }],
      sources: ['TS-ADMX', 'RDP-FILE-SECURITY-GP'],
    },
    {
      // TS_CLIENT_ALLOW_UNSIGNED_FILES_1/_2: Disabled blocks unsigned files and files from unknown publishers (RDP043).
      id: 'TS_CLIENT_ALLOW_UNSIGNED_FILES',
      displayName: 'Allow .rdp files from unknown publishers',
      category: CLIENT,
      classes: 'Both',
      key: TS,
      value: { name: 'AllowUnsignedFiles', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      // TS_CLIENT_ALLOW_SIGNED_FILES_1/_2: Disabled blocks files from valid publishers that policy does not trust (RDP043).
      id: 'TS_CLIENT_ALLOW_SIGNED_FILES',
      displayName: "Allow .rdp files from valid publishers and user's default .rdp settings",
      category: CLIENT,
      classes: 'Both',
      key: TS,
      value: { name: 'AllowSignedFiles', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX', 'RDP-FILE-SECURITY-GP'],
    },
  ];
}
