import type { Element } from './parse.js';

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

/**
 * What identifies an element: its `id`; for head elements also `title`, `meta[name|property|charset]`,
 * `link[rel+href]` and `script[src]` (found anywhere, since scripts often sit at the end of body).
 */
export function keyOf(el: Element): string | undefined {
  const id = attr(el, 'id');
  if (id) return `#${id}`;
  switch (el.tagName) {
    case 'title':
      return 'title';
    case 'meta': {
      if (attr(el, 'charset') !== undefined) return 'meta[charset]';
      const name = ['name', 'property', 'http-equiv'].find((n) => attr(el, n));
      return name && `meta[${name}="${attr(el, name)!.toLowerCase()}"]`;
    }
    case 'link': {
      const rel = attr(el, 'rel');
      const href = attr(el, 'href');
      return rel && href ? `link[rel="${rel.toLowerCase()}"][href="${href}"]` : undefined;
    }
    case 'script': {
      const src = attr(el, 'src');
      return src ? `script[src="${src}"]` : undefined;
    }
    default:
      return undefined;
  }
}

/** Head and body by name; a bare word other than those is an id (`list` is `#list`). */
export function keyOfReference(value: string): string {
  const ref = value.trim().replace(/^["']|["']$/g, '');
  if (/^(head|body|title)$/i.test(ref)) return ref.toLowerCase();
  return /^[\w-]+$/.test(ref) ? `#${ref}` : ref;
}

/** Elements that belong in `<head>` when a fragment bridge adds them. */
export const headTags = new Set(['title', 'meta', 'link', 'base']);

/** Elements whose content is text, never elements (HTML's raw text and escapable raw text elements). */
export const textOnlyTags = new Set(['script', 'style', 'textarea', 'title']);
