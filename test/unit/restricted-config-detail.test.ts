// The Restricted Mode status item names the config by its path in the workspace, as text (a security review).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restrictedConfigDetail } from '../../src/extension/restricted-config-detail';

describe('Restricted Mode status detail', () => {
  it('names the config and what is not applied', () => {
    assert.equal(restrictedConfigDetail('ops/.rdpdoctor.yaml', ['RDP022: off']), 'ops/.rdpdoctor.yaml: RDP022: off not applied until you trust the workspace');
  });

  it('a folder named as a link or an icon gives neither: the detail is shown as VS Code renders it, with links on', () => {
    const detail = restrictedConfigDetail('[Manage Trust](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22x%22%7D) $(shield)/.rdpdoctor.yaml', ['RDP022: off']);
    assert.doesNotMatch(detail, /\[[^\]]+\]\((?:https?:\/\/|command:|file:)/i, detail);
    assert.doesNotMatch(detail, /(?<!\\)\$\(/, detail);
  });
});
