// What models write where they leave code out: an ellipsis alone (`// ...`, `/* … */`), text
// between two (`// ... existing code ...`), an ellipsis before what was left out (`// ...rest of the
// class`, `// ... other methods`), or a note that the rest stays (`// other methods remain
// unchanged`). Not a sentence an ellipsis continues (`// ...and a 2D pair of 1 leaves the z scale
// alone.`, webpack's css/syntax-printer.js) nor one it ends (`// loading...`). Read from the text:
// a parser sees a comment like any other.
const ELLIPSIS = String.raw`(?:\.{3}|…)`;
const ALONE_OR_AROUND = new RegExp(String.raw`^[([{]?\s*${ELLIPSIS}(?:.*${ELLIPSIS})?\s*[)\]}]?$`);
const LEFT_OUT = String.raw`(?:the\s+)?(?:rest|other|existing|remaining|previous|more|same)\b`;
const BEFORE_LEFT_OUT = new RegExp(String.raw`^[([{]?\s*${ELLIPSIS}\s*\(?${LEFT_OUT}`, 'i');
const REST_AS_IS = new RegExp(String.raw`^[([{]?\s*${LEFT_OUT}.*\b(?:unchanged|the same|as before|as is|omitted|here)\s*[)\]}]?\s*\.?$`, 'i');

/** Whether a comment's text (markers and ` * ` taken off) stands for code a model left out, in any language. */
export function marksElision(text: string): boolean {
  return ALONE_OR_AROUND.test(text) || BEFORE_LEFT_OUT.test(text) || REST_AS_IS.test(text);
}
