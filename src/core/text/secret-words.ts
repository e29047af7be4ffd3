/**
 * A name that mentions a secret other than a password: a PIN (`pin` not followed by a letter: at a name's end, or before
 * the `=` of a whole line such as `SmartcardPin=1234`, which readers test too), a private key, a token or a secret.
 * Other clients read such `.rdp` lines: Devolutions' MsRdpEx `WinSCardSmartcardPin` and `WinSCardPrivateKeyFileData`
 * (dll/RdpSettings.cpp, at 5a64c5d), and IronRDP's `ironrdp_rdcleanpathtoken`, which IronRDP itself lists among the
 * keys whose values are secrets (crates/ironrdp-cfg/src/lib.rs, SECRET_KEYS, at 18e259c). The one list for `.rdp`
 * names and registry value names alike: a session 29 review found GPO013 quoting two exports' `GatewayAccessToken`
 * and `SmartcardPin` data, which the `.rdp` side had hidden since session 26.
 */
export const OTHER_SECRET_NAME = /pin(?![a-z])|private ?key|token|secret/i;
