// Restricted Mode reads CA files only inside the workspace folder (a session 16 review read /etc through `..` and a link).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { leadsInside } from '../../src/shared/inside-folder';
import { noThemeIcons, plainWorkbenchText } from '../../src/core/text/terminal';

describe('leadsInside (CA files in Restricted Mode)', { skip: process.platform === 'win32' && 'symbolic links need privileges' }, () => {
  let dir: string;
  let ws: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-inside-'));
    ws = join(dir, 'ws');
    mkdirSync(join(ws, 'certs'), { recursive: true });
    writeFileSync(join(ws, 'certs/ca.pem'), 'x');
    writeFileSync(join(dir, 'outside.pem'), 'x');
    symlinkSync('../outside.pem', join(ws, 'out.pem'));
    symlinkSync('certs/ca.pem', join(ws, 'in.pem'));
    symlinkSync('certs', join(ws, 'certlink'));
    symlinkSync('..', join(ws, 'up'));
    symlinkSync('loop2', join(ws, 'loop1'));
    symlinkSync('loop1', join(ws, 'loop2'));
    // A link to where an automounter would connect: refused without being looked up (there is nothing there here).
    symlinkSync('/net/host.invalid/share/ca.pem', join(ws, 'net.pem'));
    // A link back to the folder itself, then ".." (the kernel follows the link first): the folder above.
    symlinkSync('.', join(ws, 'self'));
    mkdirSync(join(ws, 'a/b'), { recursive: true });
    symlinkSync(ws, join(ws, 'a/b/home'));
    writeFileSync(join(dir, 'secret.pem'), 'x');
    // A link whose own text climbs out of the folder.
    symlinkSync('../..', join(ws, 'climb'));
    // The folder reached through a link above it (a linked home folder): what lies below is still inside.
    symlinkSync(dir, join(dir, '..', `${basename(dir)}-alias`));
  });
  after(() => {
    rmSync(join(dir, '..', `${basename(dir)}-alias`), { force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts files inside, directly or through links that stay inside', async () => {
    // `self/../x` is `x` to VS Code (its text is normalized before the link is met).
    for (const path of ['certs/ca.pem', join(ws, 'certs/ca.pem'), 'in.pem', 'certlink/ca.pem', 'certs/../certs/ca.pem', 'missing.pem', 'self/certs/ca.pem', 'a/b/home/certs/ca.pem', 'a/b/../b/home/in.pem', `${ws}/self/../in.pem`]) {
      assert.equal(await leadsInside(ws, path), true, path);
    }
  });

  it('compares the path with the folder as written, then follows links from its real path (a folder under a linked parent)', async () => {
    const alias = join(dir, '..', `${basename(dir)}-alias`, 'ws');
    assert.equal(await leadsInside(alias, join(alias, 'certs/ca.pem')), true);
    assert.equal(await leadsInside(alias, 'in.pem'), true);
    assert.equal(await leadsInside(alias, join(alias, 'out.pem')), false);
  });

  it('refuses `..` out of the folder, absolute paths elsewhere, and links that lead out', async () => {
    // VS Code's file system normalizes the text first: `${ws}/a/deep/../../../secret.pem` is the folder above.
    for (const path of ['../outside.pem', `${ws}/../outside.pem`, join(dir, 'outside.pem'), '/etc/passwd', 'out.pem', 'up/outside.pem', 'net.pem', 'loop1', `${ws}/a/b/../../../secret.pem`, 'climb/secret.pem', 'a/b/home/../../../../secret.pem']) {
      assert.equal(await leadsInside(ws, path), false, path);
    }
  });
});

describe('noThemeIcons (Quick Pick labels from a file or a server)', () => {
  it('writes $( as \\$( so no icon renders, and shows controls escaped', () => {
    assert.equal(noThemeIcons('CN=$(pass-filled) Verified by Microsoft $(shield)'), 'CN=\\$(pass-filled) Verified by Microsoft \\$(shield)');
    assert.equal(noThemeIcons('plain $ (text)'), 'plain $ (text)');
    assert.equal(noThemeIcons('evil\u202eexe'), 'evil\\u202eexe');
  });
});

describe('plainWorkbenchText (notifications, input box prompts, language status details)', () => {
  it('breaks the links VS Code runs or opens on a click, and its icons, and keeps the text readable', () => {
    const link = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
    for (const text of ['[Manage Trust](command:workbench.trust.manage)', '[x](https://evil.example/a)', '[x](file:///etc/passwd)', 'a [b](command:c "t") d']) {
      const shown = plainWorkbenchText(text);
      assert.doesNotMatch(shown, link, shown);
      assert.equal(shown.replace(/\]\\\(/g, ']('), text);
    }
    assert.equal(plainWorkbenchText('$(shield) ok.rdp'), '\\$(shield) ok.rdp');
    assert.equal(plainWorkbenchText('[x] (y) plain'), '[x] (y) plain');
    assert.equal(plainWorkbenchText('evil\u202eexe'), 'evil\\u202eexe');
  });
});
