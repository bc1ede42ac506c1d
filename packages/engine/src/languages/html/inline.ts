import { CodeBridgeError, codeFrame, commandNotApplicable, atOffset, type Diagnostic } from '../../diagnostics.js';
import { planTarget } from '../../plan/plan-target.js';
import type { Edit, SourceFile } from '../../types.js';
import { css } from '../css/index.js';
import { js } from '../js/index.js';
import type { LanguageMerger } from '../merger.js';
import type { HtmlJob } from './job.js';
import type { Element } from './parse.js';

/** Script types that hold JavaScript (a JSON `importmap` or a template does not). */
const jsTypes = new Set(['', 'text/javascript', 'module', 'application/javascript', 'text/ecmascript']);

function mergerOf(el: Element): LanguageMerger | undefined {
  if (el.tagName === 'style') return css;
  const type = el.attrs.find((a) => a.name === 'type')?.value.trim().toLowerCase() ?? '';
  return el.tagName === 'script' && jsTypes.has(type) ? js : undefined;
}

/** Offsets of an element's content, between its start and end tags. */
function contentOf(el: Element): { start: number; end: number } {
  const loc = el.sourceCodeLocation!;
  return { start: loc.startTag!.endOffset, end: loc.endTag?.startOffset ?? loc.endOffset };
}

/**
 * The content of an element as a file of its own that keeps the page's offsets: everything
 * before the content is blanked (newlines kept) and everything after it is cut, so the other
 * language's edits, lines and columns are already those of the page.
 */
function inlineFile(file: SourceFile, start: number, end: number): SourceFile {
  return { path: file.path, code: file.code.slice(0, start).replace(/[^\n]/g, ' ') + file.code.slice(start, end) };
}

/**
 * `<!-- @merge -->` on an inline `<script>` or `<style>`: merges the bridge's content into the
 * target's with the JS or CSS merger. Returns undefined (after a warning) for other elements.
 */
export function mergeInline(job: HtmlJob, target: Element, bridge: Element, at: number): Edit[] | undefined {
  const merger = mergerOf(bridge);
  if (!merger || mergerOf(target) !== merger) {
    job.diagnostics.push(commandNotApplicable('merge', 'only inline <script> and <style> contents merge; the element was replaced', atOffset(job.original, at)));
    return undefined;
  }
  const t = contentOf(target);
  const b = contentOf(bridge);
  const subTarget = inlineFile(job.target, t.start, t.end);
  const subBridge = inlineFile(job.bridge, b.start, b.end);
  const reframe = (d: Diagnostic) => withFrame(d, [job.target, job.original]);
  try {
    const plan = planTarget(merger, subTarget, [subBridge], { language: merger === css ? 'css' : 'js', typescript: false, jsx: false });
    job.diagnostics.push(...plan.diagnostics.map(reframe));
    return plan.ops.flatMap((op) => op.edits).map((e) => (e.origin ? { ...e, origin: { ...e.origin, bridge: job.bridgeIndex } } : e));
  } catch (error) {
    if (error instanceof CodeBridgeError) throw new CodeBridgeError(error.diagnostics.map(reframe));
    throw error;
  }
}

/** Code frames drawn from the real page, not from the blanked inline file. */
function withFrame(d: Diagnostic, files: SourceFile[]): Diagnostic {
  const file = files.find((f) => f.path === d.file);
  return file && d.line !== undefined ? { ...d, frame: codeFrame(file.code, d.line, d.column ?? 0) } : d;
}
