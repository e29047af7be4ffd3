import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runExplain } from '../../../src/cli/explain-command';
import { explainInput } from '../../../src/core/explain/explain-input';
import { explain, type Explanation } from '../../../src/core/knowledge/error-codes/index';
import { findErrorCodes } from '../../../src/core/knowledge/find-error-codes';
import { isNonCodeLabel, namedByNonCodeLabels } from '../../../src/core/knowledge/non-code-labels';
import { numbersIn } from '../../../src/core/knowledge/text-numbers';

/**
 * Client event 1026 as Event Viewer's "Copy Details as Text" writes it: the header lines, the description and the Event
 * Xml (the layout as in DigitalRuby/IPBan issue #240; event 1026's XML as in Psmths/windows-forensic-artifacts
 * network/evtx-1024-rdp-activex.md, whose 1026 carries Reason 1 where this one carries 263).
 */
const EVENT_1026 = `Log Name:      Microsoft-Windows-TerminalServices-RDPClient/Operational
Source:        Microsoft-Windows-TerminalServices-ClientActiveXCore
Date:          7/14/2023 7:06:33 AM
Event ID:      1026
Task Category: None
Level:         Information
Keywords:      
User:          S-1-5-21-3471133136-2963561160-3931775028-1001
Computer:      DC01.contoso.com
Description:
RDP ClientActiveX has been disconnected (Reason= 263)
Event Xml:
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-TerminalServices-ClientActiveXCore" Guid="{28aa95bb-d444-4719-a36f-40462168127e}" />
    <EventID>1026</EventID>
    <Version>0</Version>
    <Level>4</Level>
    <Task>101</Task>
    <Opcode>11</Opcode>
    <Keywords>0x4000000000000000</Keywords>
    <TimeCreated SystemTime="2023-07-14T14:06:33.6543161Z" />
    <EventRecordID>1643</EventRecordID>
    <Correlation ActivityID="{780cf827-0ed1-4f4b-924c-3b14e7660000}" />
    <Execution ProcessID="11136" ThreadID="3624" />
    <Channel>Microsoft-Windows-TerminalServices-RDPClient/Operational</Channel>
    <Computer>DC01.contoso.com</Computer>
    <Security UserID="S-1-5-21-3471133136-2963561160-3931775028-1001" />
  </System>
  <EventData>
    <Data Name="Name">Disconnect Reason</Data>
    <Data Name="Value">263</Data>
    <Data Name="CustomLevel">Info</Data>
  </EventData>
</Event>
`;

function explained(result: Explanation | { error: string }, text: string): Explanation {
  assert.ok(!('error' in result), `${text}: ${'error' in result ? result.error : ''}`);
  return result;
}

describe('a number a label names as no code is not an unread code', () => {
  it('explains what admins paste from logs, dialogs and Event Viewer, with exit 0, as the code it names', () => {
    for (const [text, code, extended] of [
      ['Session 2 has been disconnected, reason code 12', 'errinfo 12'],
      ['Event ID: 1026\nRDP ClientActiveX has been disconnected (Reason= 263)', '263'],
      [EVENT_1026, '263'],
      [EVENT_1026.replace('Task Category: None', 'Task Category: (101)'), '263'],
      // The header lines as the brief gives them (the Log Name as Event Viewer's tree shows the log), with an elided SID.
      [
        'Log Name: Microsoft-Windows-TerminalServices-ClientActiveXCore/Microsoft-Windows-TerminalServices-RDPClient/Operational\n' +
          'Event ID: 1026\nLevel: Information\nComputer: ws01.contoso.com\nUser: S-1-5-21-…\nRDP ClientActiveX has been disconnected (Reason= 263)',
        '263',
      ],
      ['Windows 11 Pro, Error code 0x904', '0x904'],
      ['Windows Server 2022 (build 22631, version 24H2): Error code: 0x904 Extended error code: 0x7', '0x904', '0x7'],
      ['Windows 10/11 23H2, OS build 22631.3880: Error code: 0x904', '0x904'],
      ['mstsc.exe (PID 4312, TID 0x1c) port 3389 line 12: Error code: 0x904 - 7', '0x904', '7'],
      ['Session ID: 5, Logon ID: 0x3E7, thread 0x1c: error code 0x3 extended error 0x11', '0x3', '0x11'],
      // LocalSessionManager event 40's UserData gives the session and the reason again (ud:Session, ud:Reason).
      ['Session 5 has been disconnected, reason code 11\n<EventXML xmlns="Event_NS"><Session>5</Session><Reason>11</Reason></EventXML>', 'errinfo 11'],
    ] as const) {
      const expected = code.startsWith('errinfo ') ? explainInput(code) : explain(code, extended);
      assert.deepEqual(explained(explainInput(text), text), explained(expected, text), text);
      const cli = runExplain(text, undefined, 'json');
      assert.equal(cli.exitCode, 0, `${text}: ${cli.error}`);
    }
  });

  it('still reads a number after a code label, whatever else the text names', () => {
    for (const [text, code, extended] of [
      ['Event 1026: RDP ClientActiveX has been disconnected (Reason= 263)', '263'],
      ['Windows 11: Error code: 0x904', '0x904'],
      ['Session 3, Windows 11: extended error 0x7', 'extended 0x7'],
      ['build 22631: Error code: 0x904 extended error 0x7', '0x904', '0x7'],
    ] as const) {
      const expected = code.startsWith('extended ') ? explainInput(code) : explain(code, extended);
      assert.deepEqual(explained(explainInput(text), text), explained(expected, text), text);
    }
  });

  it('refuses a number no label names, and one in an event\'s XML that repeats no code read', () => {
    for (const text of [
      'Windows 11 Error code 0x904 and also 17',
      'Session 2 has been disconnected, reason code 12 after 3 tries',
      EVENT_1026.replace('<Data Name="Value">263</Data>', '<Data Name="Value">264</Data>'),
      EVENT_1026.replace('<Version>0</Version>', '<Attempt>7</Attempt>'),
    ]) {
      const result = explainInput(text);
      assert.ok('error' in result, `${text} was explained`);
      assert.match(result.error, /^The \d+(st|nd|rd|th) number of the text given, counting from the left, is not read as a code/, text);
    }
  });

  it('keeps the pair forms the review found: a label is no separator, and no code label is a non-code label', () => {
    for (const [text, code, extended] of [
      ['0x904 ext 7', '0x904', '7'],
      ['0x904 - 7', '0x904', '7'],
      ['0x904 and 7', '0x904', '7'],
      ['2308 ext 0x107', '2308', '0x107'],
      ['0x3 and 0x107', '0x3', '0x107'],
      ['0x904 7 extra', '0x904', '7'],
    ] as const) {
      assert.deepEqual(explained(explainInput(text), text), explained(explain(code, extended), text), text);
    }
    // A word that names the number as no code is no separator: the number is a port, a line, an ID, not an extended code.
    for (const text of ['0x904 port 7', '0x904 id 0', '0x904 (line 12)']) {
      assert.deepEqual(explained(explainInput(text), text), explained(explain('0x904'), text), text);
    }
    for (const word of ['ext', 'extended', 'error', 'code', 'reason', 'errinfo', 'and', 'with', 'then', 'subcode']) {
      assert.equal(isNonCodeLabel(word), false, word);
    }
    for (const word of ['Event ID', 'eventid', 'SESSION', 'session id', 'Windows Server', 'build', 'PID', 'thread', 'port', 'Keywords', 'User']) {
      assert.equal(isNonCodeLabel(word), true, word);
    }
  });

  it('leaves the hover\'s reading of free text as it was', () => {
    assert.deepEqual(findErrorCodes('Windows 11 Error code 0x904').map((c) => c.text), ['0x904']);
    assert.deepEqual(findErrorCodes('thread 0x904 of process 0x3').map((c) => c.text), ['0x904']);
  });
});

describe('namedByNonCodeLabels', () => {
  const named = (text: string): string[] => namedByNonCodeLabels(text).map((n) => text.slice(n.start, n.end));

  it('finds the number after a label, with ":", "=", "#" or a quote between, or as an XML element\'s content', () => {
    assert.deepEqual(named('Event ID:      1026, Session #2, pid=4312, PROCESS 12, Windows Server 2022, Windows 10/11'), [
      '1026',
      '2',
      '4312',
      '12',
      '2022',
      '10/11',
    ]);
    assert.deepEqual(named('<EventID Qualifiers="0">7036</EventID> <Execution ProcessID="11136" ThreadID="3624" /> <Level>4</Level>'), [
      '0',
      '7036',
      '11136',
      '3624',
      '4',
    ]);
    assert.deepEqual(named('Computer:      DC01.contoso.com\nUser: CONTOSO\\a1b2'), ['DC01.contoso.com', 'CONTOSO\\a1b2']);
  });

  it('names nothing on the next line, nor in a word that only starts or ends with a label', () => {
    assert.deepEqual(named('Keywords:      \n0x904'), []);
    assert.deepEqual(named('idle 7, report 3389, subversion 4, ports 5'), []);
  });
});

describe('numbersIn', () => {
  it('passes over SIDs, addresses and Windows releases', () => {
    for (const text of ['S-1-5-21-3471133136-2963561160-3931775028-1001', 'http://schemas.microsoft.com/win/2004/08/events/event', '23H2 and 24H2']) {
      assert.deepEqual(numbersIn(text), [], text);
    }
  });
});
