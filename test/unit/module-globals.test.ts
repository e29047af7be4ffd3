import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type * as Ts from 'typescript';
import { tsFilesUnder } from '../support/source-files';

/**
 * No file under src/ may refer to CommonJS's `exports`, `module` or `require` unless this list says why. @types/node
 * declares them as globals, so TypeScript accepts a reference whose local was lost: a merge left `runPolicy(exports)`
 * with no local `exports`, and it type-checked as the module's own exports object. Each entry: file, name, the line's
 * code (trimmed; a moved line still matches, a new one in the same file does not), and the reason.
 */
const ALLOWED: readonly { readonly file: string; readonly name: string; readonly code: string; readonly why: string }[] = [
  {
    file: 'src/cli/main.ts',
    name: 'require',
    code: "const { loadCommands } = require('./load-commands') as typeof LoadCommands;",
    why: 'lazy: `--version` and the help load no command bundle and no builtin module (lazy-modules.test.ts)',
  },
  {
    file: 'src/cli/compiler-budget.ts',
    name: 'require',
    code: "const v8 = require('node:v8') as typeof V8;",
    why: 'lazy: node:v8 is loaded only for a lint of many files, which lowers the inlining budget',
  },
  {
    file: 'src/core/gpo/saxes-module.ts',
    name: 'require',
    code: "return (saxesModule ??= require('saxes') as typeof Saxes);",
    why: 'lazy: saxes (dist/saxes.js) is loaded only for an XML head or text the scanners leave to it',
  },
  {
    file: 'src/core/net/forge-asn1.ts',
    name: 'require',
    code: "return (forgeModule ??= require('node-forge') as typeof Forge);",
    why: 'lazy: node-forge (dist/forge.js) is loaded at the first certificate analysis, not at activation',
  },
];

const ROOT = resolve(__dirname, '../../..');
const NAMES = new Set(['exports', 'module', 'require']);
/** A file that never spells one of the names cannot refer to it: only the others are parsed (a sixth of src/). */
const SPELLS_A_NAME = /\b(?:exports|module|require)\b/;

// The compiler from the devDependency, loaded at run time: the test bundle does not carry its 9 MB.
const ts = createRequire(join(ROOT, 'package.json'))('typescript') as typeof Ts;

interface GlobalUse {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly code: string;
}

/**
 * Every reference to `exports`, `module` or `require` in `files` that no declaration of its own file answers. The
 * program has no lib, no @types and no imports followed (fast: the names are only resolved, nothing is type-checked),
 * so a name that is not declared in its file, where a property name is not a reference, resolves to nothing.
 */
function globalUses(files: readonly string[], root = ROOT): GlobalUse[] {
  const program = ts.createProgram(files, { noLib: true, noResolve: true, types: [], allowJs: false, noEmit: true });
  const checker = program.getTypeChecker();
  const found: GlobalUse[] = [];
  for (const source of program.getSourceFiles()) {
    const visit = (node: Ts.Node): void => {
      if (ts.isIdentifier(node) && NAMES.has(node.text) && isReference(node)) {
        const symbol = ts.isShorthandPropertyAssignment(node.parent) ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
        const local = symbol?.declarations?.some((d) => d.getSourceFile() === source) === true;
        if (!local) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          const code = source.text.split('\n')[line]!.trim();
          found.push({ file: relative(root, source.fileName), name: node.text, line: line + 1, code });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Whether an identifier stands for a value or type by its own name, not for a member of something (`x.exports`, `A.require`). */
function isReference(node: Ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return node !== parent.name;
  if (ts.isQualifiedName(parent)) return node !== parent.right;
  return true;
}

function isAllowed(use: GlobalUse): boolean {
  return ALLOWED.some((a) => a.file === use.file && a.name === use.name && a.code === use.code);
}

describe('CommonJS globals in src/', () => {
  it('no file refers to exports, module or require other than where the allow-list says why', () => {
    const uses = globalUses(tsFilesUnder(join(ROOT, 'src')).filter((f) => SPELLS_A_NAME.test(readFileSync(f, 'utf8'))));
    assert.deepEqual(
      uses.filter((u) => !isAllowed(u)).map((u) => `${u.file}:${u.line}: ${u.name} in ${u.code}`),
      [],
    );
    // An entry no longer needed goes: the list stays the list of real uses.
    const stale = ALLOWED.filter((a) => !uses.some((u) => a.file === u.file && a.name === u.name && a.code === u.code));
    assert.deepEqual(stale, []);
  });

  it('the checker sees a lost local (the merge\'s `runPolicy(exports)`), and not locals, parameters or members', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-globals-'));
    try {
      const file = join(dir, 'merge.ts');
      writeFileSync(
        file,
        [
          "import { load as require } from './elsewhere';",
          'declare function runPolicy(values: unknown): void;',
          'export function lost(): void {',
          '  runPolicy(exports);',
          '}',
          'export function kept(module: { exports: unknown }): void {',
          '  const exports = module.exports;',
          '  runPolicy({ exports, module: require });',
          '}',
          "export const loaded: typeof module = require('x');",
        ].join('\n'),
      );
      assert.deepEqual(
        globalUses([file], dir).map((u) => `${u.line}: ${u.name}`),
        ['4: exports', '10: module'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
