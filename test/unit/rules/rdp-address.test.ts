import { describe } from 'node:test';
import { rdp010 } from '../../../src/core/rules/rdp/rdp010-missing-full-address';
import { rdp011 } from '../../../src/core/rules/rdp/rdp011-invalid-address';
import { rdp012 } from '../../../src/core/rules/rdp/rdp012-ip-address-target';
import { rdp013 } from '../../../src/core/rules/rdp/rdp013-short-hostname';
import { rdp014 } from '../../../src/core/rules/rdp/rdp014-port-conflict';
import { rdp015 } from '../../../src/core/rules/rdp/rdp015-alternate-address-differs';
import { testRule } from '../rule-harness';

describe('RDP010 missing-full-address', () => {
  testRule(rdp010, {
    accept: [
      'full address:s:h',
      'x:i:1\nFull Address:s:h',
      // mstsc's per-user template: run without a file, it starts from it and asks for the computer.
      { text: 'screen mode id:i:2\r\nfull address:s:\r\n', options: { fileName: 'Default.rdp' }, title: 'an empty address in Default.rdp' },
      { text: 'screen mode id:i:2\r\n', options: { fileName: 'default.RDP' }, title: 'no address in default.RDP' },
    ],
    reject: [
      { text: 'screen mode id:i:2\nusername:s:u', ranges: [[1, 1, 1, 19]], fixed: null },
      { text: 'screen mode id:i:2\r\nfull address:s:\r\n', options: { fileName: 'Default-old.rdp' }, ranges: [[2, 1, 2, 16]], message: /empty/, title: 'an empty address in any other file' },
      { text: '', ranges: [[1, 1, 1, 1]] },
      { text: 'x:i:1\nfull address:s: ', ranges: [[2, 1, 2, 17]], message: /empty/ },
    ],
  });
});

describe('RDP011 invalid-address', () => {
  testRule(rdp011, {
    accept: [
      'full address:s:rdsh01.contoso.com',
      'full address:s:rdsh01.contoso.com:3390',
      'full address:s:10.0.0.1:65535',
      'full address:s:rdsh01',
      'gatewayhostname:s:[2001:db8::1]:443',
      'alternate full address:s:rdsh02.contoso.com',
      'full address:s:',
      'gatewayhostname:s:',
      'gatewayhostname:s:gw.contoso.com:443',
    ],
    reject: [
      { text: 'full address:s:host:0', ranges: [[1, 16, 1, 22]], message: /port "0"/ },
      { text: 'full address:s:host:70000', ranges: [[1, 16, 1, 26]] },
      { text: 'full address:s:host:abc', ranges: [[1, 16, 1, 24]] },
      // A leading zero: FreeRDP's value_to_int reads base 0, so octal, and never checks where it stopped (cmdline.c).
      {
        text: 'full address:s:rdsh01.contoso.com:03389',
        ranges: [[1, 16, 1, 40]],
        message: /^Invalid "full address": the port "03389" has a leading zero: FreeRDP reads it as the octal number 033 \(it stops at the "8"\) and connects to port 27, while other clients may read 3389; write the port without leading zeros\.$/,
      },
      { text: 'gatewayhostname:s:gw.contoso.com:0443', ranges: [[1, 19, 1, 38]], message: /octal number 0443 and connects to port 291, while other clients may read 443;/ },
      { text: 'full address:s:h:08', ranges: [[1, 16, 1, 20]], message: /octal number 0 \(it stops at the "8"\) and refuses the file/ },
      // Hex: value_to_int's _strtoi64(…, 0) reads it, so FreeRDP connects where the author meant (a session 19 review).
      { text: 'full address:s:rdsh01.contoso.com:0x0d3d', ranges: [[1, 16, 1, 41]], message: /^Invalid "full address": the port "0x0d3d" is written in hex: FreeRDP reads it as 3389, while other clients may not read it at all; write 3389\.$/ },
      { text: 'full address:s:h:0x0', ranges: [[1, 16, 1, 21]], message: /the port "0x0" is not a number from 1 to 65535/ },
      { text: 'full address:s:[2001:db8::1]:03389', ranges: [[1, 16, 1, 35]], message: /connects to port 27/ },
      // No client RDP Doctor can vouch for reads an IPv6 address from a .rdp file (FreeRDP's freerdp_parse_hostname
      // splits at the last colon and keeps brackets; Microsoft documents no syntax): a warning, in either form.
      { text: 'full address:s:fe80::1', ranges: [[1, 16, 1, 23]], severity: 'warning', message: /^"full address" is an IPv6 address without brackets: FreeRDP splits it at the last colon/ },
      { text: 'full address:s:[fe80::1]:3389', ranges: [[1, 16, 1, 30]], severity: 'warning', message: /^"full address" is an IPv6 address in brackets: FreeRDP keeps the brackets/ },
      { text: 'full address:s:h\nalternate full address:s:[2001:db8::1]', ranges: [[2, 26, 2, 39]], severity: 'warning', message: /^"alternate full address" is an IPv6 address in brackets/ },
      { text: 'full address:s:bad host', ranges: [[1, 16, 1, 24]], message: /blanks/ },
      { text: 'full address:s:-bad-.com', ranges: [[1, 16, 1, 25]] },
      { text: 'full address:s:[fe80::1', ranges: [[1, 16, 1, 24]], message: /not closed/ },
      { text: 'full address:s:h\nalternate full address:s:x:99999', ranges: [[2, 26, 2, 33]] },
      { text: 'gatewayhostname:s:gw contoso', ranges: [[1, 19, 1, 29]] },
      // A URL where a host name goes (a review): the colon of the scheme is not read as a port separator.
      {
        text: 'gatewayhostname:s:https://rdg.contoso.com/rpc',
        ranges: [[1, 19, 1, 46]],
        message: /^Invalid "gatewayhostname": "https:\/\/rdg\.contoso\.com\/rpc" is written as a URL, but a URL scheme \("https:\/\/"\) and a path \("\/rpc"\) are not part of a host name; write "rdg\.contoso\.com"\.$/,
        title: 'a gateway written as a URL with a path: the scheme and the path, not a port',
      },
      { text: 'full address:s:https://rdsh01.contoso.com', ranges: [[1, 16, 1, 42]], message: /^Invalid "full address": "https:\/\/rdsh01\.contoso\.com" is written as a URL, but a URL scheme \("https:\/\/"\) is not part of a host name; write "rdsh01\.contoso\.com"\.$/, title: 'a URL scheme alone' },
      { text: 'full address:s:rdp://rdsh01.contoso.com:3390/', ranges: [[1, 16, 1, 46]], message: /scheme \("rdp:\/\/"\) and a path \("\/"\) are not part of a host name; write "rdsh01\.contoso\.com:3390"\.$/, title: 'a URL with a port: the host and port to write' },
      { text: 'gatewayhostname:s:rdg.contoso.com/rpc', ranges: [[1, 19, 1, 38]], message: /a path \("\/rpc"\) is not part of a host name; write "rdg\.contoso\.com"\.$/, title: 'a path alone' },
      // Non-ASCII letters: a name Windows resolves by its Punycode form, FreeRDP's getaddrinfo (no AI_IDN) may not.
      {
        text: 'full address:s:BÜRO-PC',
        ranges: [[1, 16, 1, 23]],
        severity: 'info',
        message: /^"full address" names "BÜRO-PC", a host name with non-ASCII letters: Windows' GetAddrInfoW looks it up as "xn--bro-pc-3ya", but FreeRDP passes it to getaddrinfo without the AI_IDN flag/,
      },
      { text: 'full address:s:bücher.example.com:3390', ranges: [[1, 16, 1, 34]], severity: 'info', message: /"xn--bcher-kva\.example\.com"/ },
      { text: 'full address:s:日本語ひらがなabc.invalid', ranges: [[1, 16, 1, 34]], severity: 'info', title: 'Latin with Han and Japanese in one label: information' },
      { text: 'full address:s:ελληνικά.invalid', ranges: [[1, 16, 1, 32]], severity: 'info', title: 'one script other than Latin: information' },
      // Look-alike names (a review of the non-ASCII names): a label that mixes scripts (UTS #39 §5.2), a name the mapping turns into another.
      {
        text: 'full address:s:rdsh01.corp.example\nalternate full address:s:rdsh01.corp.exаmple',
        ranges: [[2, 26, 2, 45]],
        severity: 'warning',
        message: /^"alternate full address" names "rdsh01\.corp\.exаmple" \(rdsh01\.corp\.xn--exmple-4nf\): its label "exаmple" mixes Latin and Cyrillic letters \(U\+0430 is Cyrillic\), which is how a name is made to look like another\. If this is the host meant, write its Punycode form/,
        title: 'a Cyrillic а in a Latin label',
      },
      { text: 'full address:s:RDSHΑ', ranges: [[1, 16, 1, 21]], severity: 'warning', message: /"RDSHΑ" \(xn--rdsh-3ld\): its label "RDSHΑ" mixes Latin and Greek letters \(U\+0391 is Greek\)/, title: 'a Greek Alpha' },
      { text: 'full address:s:microѕoft.invalid:3390', ranges: [[1, 16, 1, 33]], severity: 'warning', message: /mixes Latin and Cyrillic letters \(U\+0455 is Cyrillic\)/, title: 'a Cyrillic dze' },
      {
        text: 'full address:s:paypaⅼ.invalid',
        ranges: [[1, 16, 1, 30]],
        severity: 'warning',
        message: /^"full address" names "paypaⅼ\.invalid", which the IDNA mapping \(UTS #46\) reads as "paypal\.invalid" before it is looked up: U\+217C becomes "l"\. The name shown is not the name clients ask for, which is how a host passes for another; write "paypal\.invalid" if that is the host meant\.$/,
        title: 'a Roman numeral fifty for an l',
      },
      { text: 'full address:s:ＲＤＳＨ01.invalid', ranges: [[1, 16, 1, 30]], severity: 'warning', message: /reads as "rdsh01\.invalid" before it is looked up: U\+FF32 becomes "r", U\+FF24 becomes "d", U\+FF33 becomes "s" and 1 more\./, title: 'full-width letters' },
      { text: 'full address:s:STRAẞE.invalid', ranges: [[1, 16, 1, 30]], severity: 'warning', message: /reads as "strasse\.invalid" before it is looked up: U\+1E9E becomes "ss"\./, title: 'a capital sharp s' },
      {
        text: 'full address:s:pаypaⅼ.invalid',
        ranges: [[1, 16, 1, 30], [1, 16, 1, 30]],
        severity: 'warning',
        message: /reads as "pаypal\.invalid" \(xn--pypal-4ve\.invalid\)|"pаypaⅼ\.invalid" \(xn--pypal-4ve\.invalid\): its label "pаypaⅼ" mixes Latin and Cyrillic/,
        title: 'both: each said',
      },
      // Hostile names stay errors: what shows as nothing or turns text around is no letter.
      { text: 'full address:s:bü\u200bro.example.com', ranges: [[1, 16, 1, 33]], severity: 'error', message: /contains U\+200B,/ },
      { text: 'full address:s:rdsh01\u202e.example.com', ranges: [[1, 16, 1, 35]], severity: 'error', message: /contains U\+202E,/ },
      { text: 'full address:s:b\u3164ro', ranges: [[1, 16, 1, 20]], severity: 'error', message: /contains U\+3164,/ },
    ],
  });
});

describe('RDP012 ip-address-target', () => {
  testRule(rdp012, {
    accept: ['full address:s:rdsh01.contoso.com', 'full address:s:10.0.0.1:99999', 'full address:s:rdsh01'],
    reject: [
      { text: 'full address:s:10.0.0.12', ranges: [[1, 16, 1, 25]], message: /"10\.0\.0\.12" is an IP address/, fixed: null },
      { text: 'full address:s:10.0.0.12:3390\nauthentication level:i:1', ranges: [[1, 16, 1, 25]], severity: 'error', message: /refuses to connect/, title: 'strict server authentication makes it an error' },
      { text: 'full address:s:[2001:db8::5]:3389', ranges: [[1, 17, 1, 28]] },
      { text: 'full address:s:h.contoso.com\nalternate full address:s:192.0.2.1', ranges: [[2, 26, 2, 35]] },
      // rdpsign copies "full address" to "alternate full address": one host, one finding.
      { text: 'full address:s:192.0.2.1\nalternate full address:s:192.0.2.1', ranges: [[1, 16, 1, 25]], title: 'the same address on both lines: once' },
      { text: 'full address:s:192.0.2.1\nalternate full address:s:192.0.2.2', ranges: [[1, 16, 1, 25], [2, 26, 2, 35]], title: 'two addresses: each' },
      // Level 0 connects without a warning: no one clicks through anything.
      { text: 'full address:s:192.0.2.1\nauthentication level:i:0', ranges: [[1, 16, 1, 25]], message: /^The target "192\.0\.2\.1" is an IP address: server certificates are issued to names, so server authentication fails, and with "authentication level" 0 the client connects without a warning\.$/, title: 'authentication level 0' },
      { text: 'full address:s:192.0.2.1\nauthentication level:i:2', ranges: [[1, 16, 1, 25]], message: /users learn to click through the warning\.$/, title: 'authentication level 2 warns' },
      // "IP address can't be used" with the Entra ID sign-in (Microsoft Learn, Entra ID sign-in to Windows VMs): said, severity kept.
      {
        text: 'full address:s:192.0.2.1\nenablerdsaadauth:i:1',
        ranges: [[1, 16, 1, 25]],
        message: /^The target "192\.0\.2\.1" is an IP address: server certificates are issued to names, so server authentication fails and users learn to click through the warning\. The file also signs in with Microsoft Entra ID \("enablerdsaadauth" is 1\), which Microsoft says cannot be used with an IP address: the target must be the name the remote device has in Microsoft Entra ID\.$/,
        title: 'the Entra ID sign-in cannot use an IP address',
      },
      { text: 'full address:s:192.0.2.1\nauthentication level:i:1\nenablerdsaadauth:i:1', ranges: [[1, 16, 1, 25]], severity: 'error', message: /refuses to connect\. The file also signs in with Microsoft Entra ID/, title: 'the Entra ID sentence beside strict server authentication' },
      { text: 'full address:s:192.0.2.1\nenablerdsaadauth:i:0', ranges: [[1, 16, 1, 25]], message: /warning\.$/, title: 'enablerdsaadauth:i:0 says nothing of it' },
    ],
  });
});

describe('RDP013 short-hostname', () => {
  testRule(rdp013, {
    accept: ['full address:s:rdsh01.contoso.com', 'full address:s:10.0.0.1', 'full address:s:localhost'],
    reject: [
      { text: 'full address:s:rdsh01:3390', ranges: [[1, 16, 1, 22]], severity: 'info' },
      { text: 'full address:s:rdsh01\r\nalternate full address:s:RDSH01', ranges: [[1, 16, 1, 22]], title: 'the same host on both lines, in any case: once' },
      { text: 'full address:s:rdsh01\r\nalternate full address:s:rdsh02', ranges: [[1, 16, 1, 22], [2, 26, 2, 32]], title: 'two hosts: each' },
    ],
  });
});

describe('RDP014 port-conflict', () => {
  testRule(rdp014, {
    accept: [
      'full address:s:h:3390\nserver port:i:3390',
      'full address:s:h\nserver port:i:3389',
      'full address:s:h:3390',
      // No port in the address: FreeRDP and Microsoft's client both take "server port" (Microsoft's file for an Azure Stack
      // Edge VM console: a port-less full address and server port:i:2179), so there is no conflict.
      'full address:s:h\nserver port:i:3390',
      'pcb:s:81462e0a-decb-4cd4-96e9-057094040063;EnhancedMode=0\nfull address:s:127.0.0.1\t\nserver port:i:2179\nusername:s:EdgeARMUser\nnegotiate security layer:i:0\n',
      // 27 to FreeRDP (octal), perhaps 3389 to others: RDP004 reports it, there is no one port to compare.
      'full address:s:h:3390\nserver port:i:03389',
    ],
    reject: [
      // Each message says which port check and the cross-checks take (rdpTarget), as FreeRDP's differs from it or not.
      {
        text: 'full address:s:h:3390\nserver port:i:3391',
        ranges: [[2, 15, 2, 19]],
        message: /FreeRDP uses "server port" \(3391\); other clients may use the address's port, which RDP Doctor's check and cross-checks take \(3390\)\.$/,
        fixed: 'full address:s:h:3390\nserver port:i:3390',
      },
      // The alternate address, where clients connect, is the one compared (rdpTarget).
      {
        text: 'full address:s:h:3390\nalternate full address:s:h2:4000\nserver port:i:3389',
        ranges: [[3, 15, 3, 19]],
        message: /^"server port" is 3389 but "alternate full address" names port 4000: .* which RDP Doctor's check and cross-checks take \(4000\)\.$/,
        fixed: 'full address:s:h:3390\nalternate full address:s:h2:4000\nserver port:i:4000',
        title: 'with an alternate full address',
      },
    ],
  });
});

describe('RDP015 alternate-address-differs', () => {
  testRule(rdp015, {
    accept: [
      'full address:s:h.contoso.com\nalternate full address:s:H.CONTOSO.COM',
      'full address:s:h.contoso.com:3389\nalternate full address:s:h.contoso.com',
      'full address:s:h',
      // No full address: RDP010 reports the file.
      'alternate full address:s:',
      // The same host in its Unicode and its Punycode form (RFC 5891 §5).
      'full address:s:Bücher.example.com\nalternate full address:s:xn--bcher-kva.example.com',
    ],
    reject: [
      { text: 'full address:s:a.contoso.com\nalternate full address:s:b.contoso.com', ranges: [[2, 26, 2, 39]], message: /"b\.contoso\.com"/ },
      { text: 'full address:s:a.contoso.com\nalternate full address:s:a.contoso.com:3390', ranges: [[2, 26, 2, 44]], title: 'same host, other port' },
      // FreeRDP takes a present alternate, even empty (file.c stores ""), and connects to host "" (a public generator writes this line).
      {
        text: 'full address:s:rdsh01.contoso.com\nalternate full address:s:',
        ranges: [[2, 1, 2, 26]],
        message: /^"alternate full address" is empty: FreeRDP-based clients take the alternate address whenever the line is present and connect to an empty host name, not to "rdsh01\.contoso\.com" in "full address"; Microsoft does not document/,
        title: 'an empty alternate',
      },
      { text: 'full address:s:rdsh01.contoso.com\r\nalternate full address:s:  \r\n', ranges: [[2, 1, 2, 28]], title: 'a blank alternate (FreeRDP trims it)' },
      // A non-ASCII name with its Punycode form beside it, where a look-alike letter shows (a review of the non-ASCII names).
      {
        text: 'full address:s:rdsh01.corp.example\nalternate full address:s:rdsh01.corp.exаmple:3390',
        ranges: [[2, 26, 2, 50]],
        message: /^Clients connect to the alternate address "rdsh01\.corp\.exаmple:3390" \(rdsh01\.corp\.xn--exmple-4nf:3390\), not to "rdsh01\.corp\.example" in "full address"\.$/,
        title: 'a look-alike alternate: its Punycode form beside it',
      },
      {
        text: 'full address:s:bücher.example\nalternate full address:s:',
        ranges: [[2, 1, 2, 26]],
        message: /not to "bücher\.example" \(xn--bcher-kva\.example\) in "full address";/,
        title: 'an empty alternate beside a non-ASCII full address',
      },
    ],
  });
});
