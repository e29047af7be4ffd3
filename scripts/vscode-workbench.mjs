// Drives the VS Code workbench the way a person does, through playwright-core. Every wait has a deadline (the page default).

/** The text of the visible editor, with the non-breaking spaces Monaco renders turned back into spaces. */
export async function editorText(page) {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Polls `check` until it returns a truthy value or `ms` passes. For state the DOM only shows as text. */
export async function until(what, check, ms = 10_000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
}

export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  // An earlier test may have left another view in the side bar, and the workbench restores it on reload.
  const explorer = page.getByRole('tree', { name: /Files Explorer/i });
  await until('the Explorer', async () => {
    if (await explorer.isVisible()) return true;
    await page.keyboard.press('Control+Shift+E');
    return false;
  }, 30_000);
}

/** Double-clicks a file in the Explorer and waits for its editor tab. */
export async function openFromExplorer(page, name) {
  // A view container an extension contributes (RDP Doctor's) is restored only once the extension has registered it,
  // so it can replace the Explorer after openWorkbench saw the Explorer: show the Explorer until the file is there.
  const item = page.getByRole('treeitem', { name, exact: true });
  await until(`${name} in the Explorer`, async () => {
    if (await item.isVisible()) return true;
    await page.keyboard.press('Control+Shift+E');
    return false;
  }, 30_000);
  await item.dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
}

/** The rendered span of a token on a line of the active editor. */
export function token(page, text) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line span span', { hasText: text }).first();
}

/** Runs a command from F1 by its title, as shown in the Command Palette. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  // F1 pressed while a webview (an iframe) has the focus is now and then lost on a busy machine: the palette never
  // opened after the explainer's own buttons had the focus (CI, session 15). The title bar's command center opens the
  // same input with a click, wherever the focus is; ">" then turns it into the Command Palette.
  if (!(await input.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
    await page.locator('.command-center').first().click();
    await input.waitFor();
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}
