// The generated large target of the large-file benchmarks and tests (issue 15): one TypeScript
// module of `classes` decorated classes x `methods` methods (about 5 MB with the defaults), full of
// what a boundary scanner can get wrong: template literals with nested `${}`, regexes that look like
// division and division that looks like a regex, braces inside strings and comments, generics.
// The same seed always yields the same bytes.
import { seeded } from './seeded.js';

function method(c, m, random) {
  const k = Math.floor(random() * 1000);
  const next = m % 5 === 4 ? '' : `this.step${m + 1}(total) - `;
  return [
    `  /** Step ${m} of pipeline ${c}: scales, filters { and } logs. */`,
    `  @traced('step${m}')`,
    `  step${m}<T extends { id: number }>(input: number, rows: T[] = [], factor = ${(k % 7) + 1}): number {`,
    `    const scaled = input * factor + ${k} / 2 / (factor || 1);`,
    `    const ratio = rows.length / ${(k % 9) + 1} / 3; // a division, then a comment with a / slash`,
    `    const pattern = /^step-(\\d+)\\/[a-z]{2,}[/}{]*$/gi;`,
    `    const quoted = '\\'{' + "}\\"" + \`\${'{'}\`;`,
    `    const path = input % 3 === 0 ? 'a/b//c' : "d/*e*/f"; // quotes holding comment starts`,
    `    const label = \`\${this.label}:\${rows.map((r) => \`\${r.id}-\${\`\${r.id * ${k}}\`}\`).join('/')}\`;`,
    `    const items = [scaled, scaled / 2, scaled % ${(k % 13) + 2}].map((value) => Math.round(value * 100) / 100);`,
    `    if (pattern.test(label) && items.some((value) => value > ${k * 10})) {`,
    `      this.log(\`step${m} overflow at \${scaled} (\${ratio.toFixed(2)}) /* not a comment */\`);`,
    `      return this.limit;`,
    `    }`,
    `    /* a block comment with a template \` and a brace { */`,
    `    const total = items.reduce((sum, value) => sum + value, 0) / (ratio > 0 ? ratio : 1);`,
    `    const parts = label.split(/[:/-]/).filter((part) => part.length > 0 && !/^\\s*$/.test(part));`,
    `    this.seen.set(label, { total, parts: parts.length, at: Date.now() / 1000 });`,
    `    return ${next}${k % 5};`,
    `  }`,
  ].join('\n');
}

function classSource(c, methods, random) {
  const body = Array.from({ length: methods }, (_, m) => method(c, m, random)).join('\n\n');
  return [
    `/** Pipeline ${c}: generated. */`,
    `@registered({ name: 'Pipeline${c}', tags: ['generated', '{braces}'] })`,
    `export class Pipeline${c}<Row extends { id: number } = { id: number }> {`,
    `  private readonly limit = ${Math.floor(random() * 1e6)};`,
    `  private readonly seen = new Map<string, { total: number; parts: number; at: number }>();`,
    `  readonly #messages: string[] = [];`,
    `  readonly log = (message: string): number => this.#messages.push(\`[\${this.label}] \${message}\`);`,
    ``,
    `  constructor(readonly label: string, protected readonly clock = Date) {}`,
    ``,
    body,
    `}`,
  ].join('\n');
}

/** The target: imports, two decorator factories, the classes, a trailing export. */
export function generateLargeModule({ classes = 100, methods = 40, seed = 15 } = {}) {
  const random = seeded(seed);
  const header = [
    `import { format } from './format';`,
    ``,
    `export function traced(name: string) {`,
    `  return (target: object, key: string, descriptor: PropertyDescriptor) => descriptor;`,
    `}`,
    ``,
    `export function registered(options: { name: string; tags: string[] }) {`,
    `  return <C extends new (...args: any[]) => object>(target: C) => target;`,
    `}`,
    ``,
    `export const ratio = 10 / 2 / 1; // division at the top level`,
    `export const matcher = /\\/\\*[^]*?\\*\\//g; // a regex that looks like a comment`,
    ``,
  ].join('\n');
  const body = Array.from({ length: classes }, (_, c) => classSource(c, methods, random)).join('\n\n');
  return `${header}${body}\n\nexport const version = format(1);\n`;
}

/**
 * A bridge editing `perClass` methods of each class in `classIndexes`: a new body, with a
 * `@decorator`, an `@access` or a `@params` command in turn (never a rename: a member rename keeps
 * to its class, so it is included by `renameEvery`). `@class` names the class of each group.
 */
export function largeBridge(targetName, classIndexes, { perClass = 1, methods = 40, renameEvery = 0 } = {}) {
  const lines = [`// @bridge ./${targetName}`];
  // What each class gets depends on its index only, so that a bridge of some of these classes edits them as a bridge of all does.
  for (const c of classIndexes) {
    lines.push(`// @class Pipeline${c}`);
    for (let j = 0; j < perClass; j++) {
      const m = (c * 7 + j * 13) % methods;
      const rename = renameEvery > 0 && (c * perClass + j) % renameEvery === 0;
      const command = rename ? `// @rename renamedStep${m}` : ['// @decorator logged', '// @access protected', '// @params input: number, factor = 3'][(c + j) % 3];
      lines.push(
        `  ${command}`,
        `  step${m}(input: number, factor = 2): number {`,
        `    const doubled = (input * factor * 2) / 2;`,
        `    return doubled > this.limit ? this.limit : \`\${doubled}\`.length;`,
        `  }`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
