import { describe } from 'node:test';
import { rdp020 } from '../../../src/core/rules/rdp/rdp020-credssp-disabled';
import { rdp021 } from '../../../src/core/rules/rdp/rdp021-negotiation-disabled';
import { rdp022 } from '../../../src/core/rules/rdp/rdp022-server-auth-disabled';
import { rdp030 } from '../../../src/core/rules/rdp/rdp030-gateway-missing-host';
import { rdp031 } from '../../../src/core/rules/rdp/rdp031-gateway-unused';
import { rdp032 } from '../../../src/core/rules/rdp/rdp032-gateway-basic-auth';
import { rdp035 } from '../../../src/core/rules/rdp/rdp035-remoteapp-missing-program';
import { testRule } from '../rule-harness';

describe('RDP020 credssp-disabled', () => {
  testRule(rdp020, {
    accept: ['enablecredsspsupport:i:1', 'full address:s:h', 'enablecredsspsupport:s:0'],
    reject: [
      { text: 'enablecredsspsupport:i:0', ranges: [[1, 24, 1, 25]], message: /HYBRID_REQUIRED_BY_SERVER/, fixed: 'enablecredsspsupport:i:1' },
      { text: 'enablecredsspsupport:i:1\nenablecredsspsupport:i:0', ranges: [[2, 24, 2, 25]], title: 'the last duplicate is the one clients use' },
    ],
  });
});

describe('RDP021 negotiation-disabled', () => {
  testRule(rdp021, {
    accept: [
      'negotiate security layer:i:1',
      // A Hyper-V VM console (the VM's ID as pcb, port 2179) is opened without negotiation: FreeRDP's /vmconnect turns it
      // off ("use port 2179, disable negotiation", client/common/cmdline.h). Shape of a public script's file.
      'full address:s:hv01.invalid:2179\npcb:s:5A0A1BB5-ED4C-4C24-9F39-3F1D2E7A3C11;EnhancedMode=1\nnegotiate security layer:i:0',
      'full address:s:127.0.0.1\nserver port:i:2179\npcb:s:5A0A1BB5-ED4C-4C24-9F39-3F1D2E7A3C11\nenablecredsspsupport:i:0\nnegotiate security layer:i:0',
      // Microsoft's file for Windows Remote Desktop (Azure Stack Edge, "Connect to a VM console"), address rewritten.
      'pcb:s:81462e0a-decb-4cd4-96e9-057094040063;EnhancedMode=0\nfull address:s:127.0.0.1\t\nserver port:i:2179\nusername:s:EdgeARMUser\nnegotiate security layer:i:0\n',
    ],
    reject: [
      // A pcb to another port (a load balancer's token) or a port 2179 without one is no VM console.
      { text: 'full address:s:rds.invalid\npcb:s:tsv://vm01\nnegotiate security layer:i:0', ranges: [[3, 28, 3, 29]], title: 'a pcb to port 3389' },
      { text: 'full address:s:hv01.invalid:2179\npcb:s:\nnegotiate security layer:i:0', ranges: [[3, 28, 3, 29]], title: 'port 2179 with an empty pcb' },
      // Per client (docs/rules/RDP021.md): Microsoft's control documentation, FreeRDP 3's Direct-Approach start, and
      // FreeRDP 2.11.7, which never opens the TCP connection (nego.c at 2.11.7; a review with xfreerdp 2.11.7 against
      // xrdp and freerdp-shadow-cli of every security setting), not "servers that do not use NLA fail".
      {
        text: 'negotiate security layer:i:0',
        ranges: [[1, 28, 1, 29]],
        message: /^Security-layer negotiation is off: .*Microsoft documents that its client then uses NLA \(CredSSP\) without negotiating.*FreeRDP 3 starts TLS and CredSSP with no X\.224 Connection Request; FreeRDP 2\.11\.7 does not even open the connection \(unless the file sets a pcb\) and fails against every server\.$/,
        fixed: 'negotiate security layer:i:1',
      },
      // With CredSSP off there is no NLA to go to (FreeRDP 3 nego.c: the highest protocol still enabled, TLS, started directly).
      {
        text: 'enablecredsspsupport:i:0\nnegotiate security layer:i:0',
        ranges: [[2, 28, 2, 29]],
        message: /^Security-layer negotiation is off and so is CredSSP .*FreeRDP 3 then starts TLS with no X\.224 Connection Request.*FreeRDP 2\.11\.7 does not even open the connection.*not documented; servers that require NLA refuse a client without CredSSP in any case\.$/,
        title: 'with CredSSP off too',
      },
    ],
  });
});

describe('RDP022 server-auth-disabled', () => {
  testRule(rdp022, {
    accept: ['authentication level:i:2', 'authentication level:i:1', 'authentication level:i:3'],
    reject: [{ text: 'authentication level:i:0\r\n', ranges: [[1, 24, 1, 25]], message: /man-in-the-middle/, fixed: 'authentication level:i:2\r\n' }],
  });
});

describe('RDP030 gateway-missing-host', () => {
  testRule(rdp030, {
    accept: ['gatewayusagemethod:i:1\ngatewayhostname:s:gw.contoso.com', 'gatewayusagemethod:i:4', 'gatewayusagemethod:i:0\ngatewayhostname:s:'],
    reject: [
      { text: 'gatewayusagemethod:i:1', ranges: [[1, 22, 1, 23]], fixed: null },
      { text: 'gatewayusagemethod:i:1\ngatewayhostname:s:  ', ranges: [[1, 22, 1, 23]], severity: 'error', message: /always connect through an RD Gateway/, title: '1 with a blank gateway name' },
      // Exports of Microsoft's macOS client have 2 with no gateway: the direct connection is tried first (FreeRDP nego.c), so a note.
      { text: 'gatewayhostname:s:\ngatewayusagemethod:i:2', ranges: [[2, 22, 2, 23]], severity: 'info', message: /if a direct connection fails.*no gateway to try/ },
    ],
  });
});

describe('RDP031 gateway-unused', () => {
  testRule(rdp031, {
    accept: ['gatewayusagemethod:i:1\ngatewayhostname:s:gw', 'gatewayusagemethod:i:4\ngatewayhostname:s:', 'gatewayusagemethod:i:2\ngatewayhostname:s:gw'],
    reject: [
      { text: 'gatewayhostname:s:gw.contoso.com\ngatewayusagemethod:i:4', ranges: [[1, 19, 1, 33]], severity: 'info' },
      { text: 'gatewayhostname:s:gw.contoso.com', ranges: [[1, 19, 1, 33]], message: /because the file has no "gatewayusagemethod" line, and its default, 0, uses none;/, title: 'a missing usage method means the default, 0, and the message says the line is missing' },
      { text: 'gatewayhostname:s:gw.contoso.com\ngatewayusagemethod:i:0', ranges: [[1, 19, 1, 33]], message: /because "gatewayusagemethod" is 0;/, title: 'a written 0 is quoted' },
    ],
  });
});

describe('RDP032 gateway-basic-auth', () => {
  testRule(rdp032, {
    accept: ['gatewaycredentialssource:i:0', 'gatewaycredentialssource:i:4'],
    reject: [{ text: 'gatewaycredentialssource:i:3', ranges: [[1, 28, 1, 29]], severity: 'info', fixed: null }],
  });
});

describe('RDP035 remoteapp-missing-program', () => {
  testRule(rdp035, {
    accept: ['remoteapplicationmode:i:1\nremoteapplicationprogram:s:||EXCEL', 'remoteapplicationmode:i:0'],
    reject: [
      { text: 'remoteapplicationmode:i:1', ranges: [[1, 25, 1, 26]] },
      { text: 'remoteapplicationmode:i:1\nremoteapplicationprogram:s:  ', ranges: [[1, 25, 1, 26]] },
    ],
  });
});
