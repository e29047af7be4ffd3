// UI tests: what a person sees in the workbench. They run in order on one page; each leaves a screenshot in test-results/.
import { editorText, openFromExplorer, openWorkbench, runCommand, token, until } from '../../../scripts/vscode-workbench.mjs';

const UNKNOWN_PROPERTY = 'Unknown property "redirectclipbaord"; did you mean "redirectclipboard"?';

export const tests = [
  {
    name: 'open an .rdp file from the Explorer',
    async run({ page, url }) {
      await openWorkbench(page, url);
      await openFromExplorer(page, 'problems.rdp');
      await until('the file text in the editor', async () => (await editorText(page)).includes('redirectclipbaord:i:1'));
    },
  },
  {
    name: 'Problems (Ctrl+Shift+M) lists the findings',
    async run({ page }) {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.getByText(UNKNOWN_PROPERTY).waitFor();
      await panel.getByText(/The target "rdsh01" is a single-label name/).waitFor();
      await panel.getByText(/"desktopwidth" is an integer property/).waitFor();
    },
  },
  {
    name: 'hover on a property name shows its documentation',
    async run({ page }) {
      const name = token(page, 'authentication level');
      const hover = page.locator('.monaco-hover:visible', { hasText: 'authentication level' });
      // NOTE: once in the first six UI runs of session 8 the hover shown was line 3's diagnostic, though the mouse
      // went to line 4's token (cause not found; five later runs and three CI runs showed line 4's). A person moves
      // the mouse again; so does the test, once, after printing where the token and the lines were, so that a
      // repeat in CI says whether the lines moved under the mouse.
      for (let attempt = 1; ; attempt++) {
        const before = await name.boundingBox();
        await name.hover();
        const shown = await hover.getByText(/Server authentication/).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
        if (shown) break;
        const after = await name.boundingBox();
        const hovers = await page.locator('.monaco-hover:visible').allInnerTexts();
        const lines = await page.locator('.editor-group-container.active .view-lines .view-line').evaluateAll((all) => all.map((l) => `${Math.round(l.getBoundingClientRect().top)}:${l.textContent}`));
        const seen = `the token was at ${JSON.stringify(before)} when hovered, now at ${JSON.stringify(after)}; lines (top:text) ${JSON.stringify(lines)}; hovers shown: ${JSON.stringify(hovers)}`;
        if (attempt === 2) throw new Error(`The hover of "authentication level" did not show its documentation twice: ${seen}`);
        console.log(`  (the hover of "authentication level" did not show its documentation on attempt 1: ${seen}; moving the mouse away and back)`);
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
      }
      await hover.getByText('Warn the user and let them decide whether to connect.').waitFor();
    },
  },
  {
    name: 'the light bulb (Ctrl+.) applies the quick fix',
    async run({ page }) {
      await page.keyboard.press('Escape');
      await token(page, 'redirectclipbaord').click();
      // The preferred fix comes first and is focused; Enter applies it, as it does for a keyboard user.
      // NOTE: in about one UI run in five on this 2-core machine, VS Code answers the first Ctrl+. with "No code
      // actions available" although the gutter shows the light bulb (cause not found; see the session 4 note on
      // issue 14). A user presses the key again; so does the test, at most three times.
      const focusedFix = page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Change to "redirectclipboard"' });
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        const shown = await focusedFix.waitFor({ timeout: 5_000 }).then(() => true, () => false);
        if (shown) break;
        if (attempt === 3) throw new Error('Ctrl+. offered no quick fix three times.');
        console.log(`  (Ctrl+. offered no quick fix on attempt ${attempt}; pressing it again)`);
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Enter');
      await until('the fixed line in the editor', async () => {
        const text = await editorText(page);
        return text.includes('redirectclipboard:i:1') && !text.includes('redirectclipbaord');
      });
      await page.locator('.markers-panel').getByText(UNKNOWN_PROPERTY).waitFor({ state: 'detached' });
    },
  },
  {
    name: '"RDP: Explain Error Code…" from F1 shows the explanation',
    async run({ page }) {
      await runCommand(page, 'RDP: Explain Error Code');
      const input = page.locator('.quick-input-widget input.input');
      await page.locator('.quick-input-widget', { hasText: 'Explain a Remote Desktop error code' }).waitFor();
      await input.fill('0x904');
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'Error code 0x904' }).waitFor();
      // The explainer is a webview panel: an iframe holding the page in another iframe.
      const explainer = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await explainer.getByText('disconnectReasonAtClientWinsockFDCLOSE').first().waitFor();
      await explainer.getByRole('heading', { name: 'Checks that tell the causes apart' }).waitFor();
    },
  },
];
