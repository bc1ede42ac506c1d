import { parseCommands, type Command } from '../../commands/parse.js';
import { isBridgeLevel } from '../../commands/processor.js';
import { htmlCommands, htmlRegistry, placements } from './commands/index.js';
import { atOffset, commandNotApplicable, type Diagnostic } from '../../diagnostics.js';
import type { SourceFile } from '../../types.js';
import { keyOf } from './keys.js';
import { isElement, isWritten, rangeOf, type Element, type Node, type ParsedHtml } from './parse.js';

/** Where new elements of a section go by default: head or body of a document, or anywhere in a fragment. */
export type Section = 'head' | 'body' | undefined;

/** A top-level bridge element, with its key and the commands written above it. */
export interface ElementUnit {
  kind: 'element';
  el: Element;
  key: string | undefined;
  commands: Command[];
  section: Section;
}

/** `<!-- @delete #id -->`: removes an element the bridge names without repeating it. */
export interface DeleteUnit {
  kind: 'delete';
  command: Command;
}

/** A placement command and the bridge markup it places: the siblings up to the next command. */
export interface PlaceUnit {
  kind: 'place';
  command: Command;
  start: number;
  end: number;
}

export type Unit = ElementUnit | DeleteUnit | PlaceUnit;

/**
 * The bridge's top-level units: fragment children, or the children of a document's head and body.
 * A comment written after `</head>` (or after `</body>`) is kept by parse5 in `<html>`, outside
 * both: it is read with the body, where the markup it places went.
 */
export function readUnits(parsed: ParsedHtml, bridge: SourceFile, inTarget: (key: string) => boolean, diagnostics: Diagnostic[]): Unit[] {
  if (!parsed.document) return readSiblings(parsed.root.childNodes, undefined, bridge, inTarget, diagnostics);
  const html = parsed.head?.parentNode ?? parsed.body?.parentNode;
  const outside = (html?.childNodes ?? []).filter((n) => n.nodeName === '#comment');
  const bodyStart = parsed.body?.sourceCodeLocation?.startOffset ?? Infinity;
  const beforeBody = outside.filter((n) => rangeOf(n).start < bodyStart);
  const afterBody = outside.filter((n) => rangeOf(n).start >= bodyStart);
  return [
    ...readSiblings(parsed.head?.childNodes ?? [], 'head', bridge, inTarget, diagnostics),
    ...readSiblings([...beforeBody, ...(parsed.body?.childNodes ?? []), ...afterBody], 'body', bridge, inTarget, diagnostics),
  ];
}

function readSiblings(nodes: Node[], section: Section, bridge: SourceFile, inTarget: (key: string) => boolean, diagnostics: Diagnostic[]): Unit[] {
  const units: Unit[] = [];
  let pending: Command[] = [];
  let place: PlaceUnit | undefined;
  // A placement followed only by keyed elements the target has was applied before: they are there.
  let placed = false;
  const flush = () => {
    if (place && place.start < place.end) units.push(place);
    else if (place && !placed) diagnostics.push(commandNotApplicable(place.command.name, 'no element follows it', atOffset(bridge, place.command.offset)));
    place = undefined;
    placed = false;
  };
  for (const node of nodes) {
    if (!isWritten(node)) continue;
    const { start, end } = rangeOf(node);
    if (node.nodeName === '#comment') {
      const parsed = parseCommands(bridge.code.slice(start, end), start, bridge, htmlCommands);
      diagnostics.push(...parsed.diagnostics);
      const commands = parsed.commands.filter((c) => !isBridgeLevel(htmlRegistry, c.name));
      if (!commands.length) continue;
      flush();
      const placing = commands.find((c) => placements.has(c.name));
      if (placing) place = { kind: 'place', command: placing, start: -1, end: -1 };
      for (const c of commands) if (c.name === 'delete' && c.value) units.push({ kind: 'delete', command: c });
      pending.push(...commands.filter((c) => !placements.has(c.name) && !(c.name === 'delete' && c.value)));
      continue;
    }
    const key = isElement(node) ? keyOf(node) : undefined;
    if (place && !(key && inTarget(key))) {
      if (place.start < 0) place.start = start;
      place.end = end;
      continue;
    }
    if (!isElement(node)) continue;
    placed = place !== undefined;
    flush();
    units.push({ kind: 'element', el: node, key, commands: pending, section });
    pending = [];
  }
  flush();
  for (const c of pending) diagnostics.push(commandNotApplicable(c.name, 'no element follows it', atOffset(bridge, c.offset)));
  return units;
}
