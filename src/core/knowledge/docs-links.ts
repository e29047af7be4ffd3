/** Where the project's pages live online; the extension opens the bundled copies instead. */
export const REPOSITORY_URL = 'https://github.com/rdp-doctor/rdp-doctor';

/** The rule's page, relative to the package root (bundled with the extension and the CLI package). */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/${ruleDocsPath(ruleId)}`;
}
