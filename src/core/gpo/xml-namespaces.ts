import { workCounts } from '../work-counts';

const XML_URI = 'http://www.w3.org/XML/1998/namespace';

/**
 * The namespace declarations in scope: for each prefix ('' for the default namespace) the URIs declared for it by the
 * open elements, innermost last, so a lookup costs the same at any depth. (A chain of scopes walked from the innermost
 * made 64,000 nested elements that each declared a prefix of their own take 13 s: every lookup walked every level.)
 */
export class Namespaces {
  private readonly bound = new Map<string, string[]>([['xml', [XML_URI]]]);
  /** The prefixes each open element declared, or undefined when it declared none. */
  private readonly declared: (string[] | undefined)[] = [];

  /** Adds a start tag's `xmlns`/`xmlns:p` declarations; `close` takes them away again. */
  open(attributes: Readonly<Record<string, string>>): void {
    let prefixes: string[] | undefined;
    for (const name in attributes) {
      if (name.charCodeAt(0) !== 120 /* x */ || !name.startsWith('xmlns')) continue;
      if (name.length > 5 && name.charCodeAt(5) !== 58 /* : */) continue;
      const prefix = name.length === 5 ? '' : name.slice(6);
      const uris = this.bound.get(prefix);
      if (uris) uris.push(attributes[name]!);
      else this.bound.set(prefix, [attributes[name]!]);
      (prefixes ??= []).push(prefix);
    }
    this.declared.push(prefixes);
  }

  /** The namespace URI a prefix ('' for none) stands for; '' when it is not declared. */
  uriOf(prefix: string): string {
    workCounts.namespaceSteps++;
    const uris = this.bound.get(prefix);
    return uris !== undefined && uris.length > 0 ? uris[uris.length - 1]! : '';
  }

  /** Takes away the declarations of the innermost element opened. */
  close(): void {
    const prefixes = this.declared.pop();
    if (prefixes) for (const prefix of prefixes) this.bound.get(prefix)!.pop();
  }
}

/** The namespace URI of a qualified name with the element's own declarations in scope (the caller closes them). */
export function openElement(namespaces: Namespaces, name: string, colon: number, attributes: Readonly<Record<string, string>>): string {
  namespaces.open(attributes);
  return namespaces.uriOf(colon < 0 ? '' : name.slice(0, colon));
}
