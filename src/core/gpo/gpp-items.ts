import { childNamed, type XmlElement } from './xml-tree';

/**
 * Whether an item or collection has item-level targeting: a `Filters` element with a filter in it (`FilterComputer`,
 * `FilterGroup`, …; GPMC writes an empty `<Filters/>` for none). It then applies only where the filters match, which
 * the export cannot tell (gpo-formats.md §1: GPP items "carry item-level targeting under `<Filters>`").
 */
export function hasTargeting(element: XmlElement, uri: string): boolean {
  const filters = childNamed(element, uri, 'Filters');
  return filters !== undefined && filters.children.length > 0;
}

/**
 * The items named `itemName` of a Group Policy Preferences tree in namespace `uri` (the root itself when it is one),
 * in document order, with whether a collection around them is targeted. Items and collections marked `disabled="1"`
 * are left out: GPMC's "Disable" on an item or collection, which the preference client skips.
 */
export function gppItems(root: XmlElement, uri: string, itemName: string): { readonly item: XmlElement; readonly targetedAbove: boolean }[] {
  const items: { item: XmlElement; targetedAbove: boolean }[] = [];
  if (root.local === itemName) {
    if (root.attributes.disabled !== '1') items.push({ item: root, targetedAbove: false });
    return items;
  }
  // Depth first in document order, on a stack of its own: collections nested 100,000 deep overflowed the call stack.
  // A collection's targeting holds for everything in it.
  const stack: { element: XmlElement; next: number; targeted: boolean }[] = [{ element: root, next: 0, targeted: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const child = top.element.children[top.next++];
    if (child === undefined) stack.pop();
    else if (child.uri !== uri || child.attributes.disabled === '1') continue;
    else if (child.local === itemName) items.push({ item: child, targetedAbove: top.targeted });
    else if (child.local === 'Collection') stack.push({ element: child, next: 0, targeted: top.targeted || hasTargeting(child, uri) });
  }
  return items;
}
