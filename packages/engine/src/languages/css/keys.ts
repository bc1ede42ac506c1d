import type { AtRule, ChildNode, Declaration } from 'postcss';

/** At-rules that hold rules and form the context of the rules inside them. */
const contexts = new Set(['media', 'supports', 'layer', 'container', 'scope', 'document', '-moz-document', 'starting-style']);

/** True for an at-rule with a body that is a context (`@media`, `@supports`, ...), not a unit itself. */
export function isContext(node: AtRule): boolean {
  return node.nodes !== undefined && contexts.has(node.name.toLowerCase());
}

/**
 * A selector in one canonical spelling: comments dropped, whitespace collapsed, one space after
 * commas and around combinators, none inside parentheses. Strings and escapes are kept as written.
 */
export function normalizeSelector(selector: string): string {
  let out = '';
  let space = false;
  let brackets = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '/' && selector[i + 1] === '*') {
      const close = selector.indexOf('*/', i + 2);
      i = close === -1 ? selector.length : close + 1;
      space = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      space = true;
    } else if (c === ',' || (brackets === 0 && (c === '>' || c === '+' || c === '~'))) {
      out = out.trimEnd() + (c === ',' ? ', ' : ` ${c} `);
      space = false;
    } else {
      if (space && out && !out.endsWith(' ') && !out.endsWith('(') && c !== ')') out += ' ';
      space = false;
      if (c === '[') brackets++;
      if (c === ']') brackets--;
      const end = c === '"' || c === "'" ? closingQuote(selector, i) : c === '\\' ? i + 1 : i;
      out += selector.slice(i, end + 1);
      i = end;
    }
  }
  return out.trim();
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[open]) return i;
  }
  return text.length - 1;
}

/** At-rule parameters as a key: comments dropped, whitespace collapsed and trimmed around punctuation. */
function normalizeParams(params: string): string {
  return params
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),:])\s*/g, '$1')
    .trim();
}

/** `@font-face` has no name: its family, weight and style tell one face from another. */
function fontFaceName(node: AtRule): string {
  const value = (prop: string) =>
    (node.nodes ?? [])
      .filter((n): n is Declaration => n.type === 'decl' && n.prop.toLowerCase() === prop)
      .map((d) => d.value.replace(/["']/g, '').trim().toLowerCase())
      .join('');
  return [value('font-family'), value('font-weight'), value('font-style')].filter(Boolean).join(' ');
}

/**
 * What identifies a node among its siblings: a rule by its normalised selector, an at-rule by its
 * name and parameters (`@font-face` by its family); undefined for declarations and comments.
 */
export function keyOf(node: ChildNode): string | undefined {
  if (node.type === 'rule') return normalizeSelector(node.selector);
  if (node.type !== 'atrule') return undefined;
  const name = node.name.toLowerCase();
  const params = name === 'font-face' ? fontFaceName(node) : normalizeParams(node.params);
  return params ? `@${name} ${params}` : `@${name}`;
}

/** A declaration's property as a key: custom properties are case-sensitive, the others are not. */
export function propertyOf(decl: Declaration): string {
  return decl.prop.startsWith('--') ? decl.prop : decl.prop.toLowerCase();
}
