/**
 * Units of work that tests bound on hostile input instead of timing it: a timed test's verdict depended on how busy the
 * machine was (session 29). Each is only incremented, by the one module named; nothing in the product reads them.
 */
export const workCounts = {
  /** Prefix bindings looked at to resolve an element's namespace (gpo/xml-namespaces.ts). */
  namespaceSteps: 0,
  /** Pairs of one registry value's facts compared for a conflict by the cross-checks (rules/xrf/server-view.ts). */
  rivalComparisons: 0,
  /** Links a certificate path search checked (net/trust.ts). */
  linkChecks: 0,
  /** Steps of XRF005's `*` wildcard match (rules/xrf/xrf005-ntlm-restricted-vs-target.ts). */
  wildcardSteps: 0,
};
