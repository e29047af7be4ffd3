/** User settings that keep the workbench quiet and predictable under test (both runners). */
export const TEST_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  // VS Code for the Web (code-server) saves dirty files after a second by default, desktop VS Code does not: a test
  // that edits a file and reverts it would otherwise race the auto-save, and a late save reaches the watchers.
  'files.autoSave': 'off',
};
