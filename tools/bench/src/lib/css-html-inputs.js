// Deterministic real-world-sized CSS and HTML inputs with bridges, shared by the engine tests and
// the css-html benchmark. Same arguments, same bytes.

const hex = (i) => `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`;

function block(i, indent) {
  const pad = (n) => indent + '  '.repeat(n);
  return [
    `${pad(0)}/* block ${i} */`,
    `${pad(0)}.block-${i} {`,
    `${pad(1)}color: ${hex(i)};`,
    `${pad(1)}margin: ${i % 17}px ${i % 5}px;`,
    `${pad(1)}padding: ${i % 9}px;`,
    `${pad(1)}border: 1px solid ${hex(i + 1)};`,
    `${pad(0)}}`,
    `${pad(0)}.block-${i} > .item:hover,`,
    `${pad(0)}.block-${i} .item[data-state="on"] {`,
    `${pad(1)}background: ${hex(i + 2)};`,
    `${pad(1)}transition: color .${i % 9}s ease;`,
    `${pad(0)}}`,
  ].join('\n');
}

/** A stylesheet of about `kb` kilobytes with nested `@media`, `@supports`, `@layer`, `@container` and `@keyframes`. */
export function generateCss(kb = 110) {
  const parts = ['@charset "utf-8";', '@import url("reset.css");', ':root { --accent: #336699; }'];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    let part = block(i, '');
    if (i % 10 === 0) {
      part += `\n@media (min-width: ${600 + (i % 3) * 300}px) {\n${block(i, '  ')}\n  @supports (display: grid) {\n${block(i + 1, '    ')}\n  }\n}`;
    }
    if (i % 25 === 0) part += `\n@layer components {\n  @container card (min-width: 400px) {\n${block(i, '    ')}\n  }\n}`;
    if (i % 50 === 0) part += `\n@keyframes pulse-${i} {\n  from { opacity: 0; }\n  to { opacity: 1; }\n}`;
    parts.push(part);
    size += part.length + 1;
  }
  return `${parts.join('\n')}\n`;
}

/** A bridge for `generateCss`: replaces, merges (inside nested at-rules), deletes and adds rules. */
export const cssBridge = `/* @bridge styles.css */
.block-7 {
  color: rebeccapurple;
}
@media (min-width: 1200px) {
  @supports (display: grid) {
    /* @merge */
    .block-21 {
      display: grid;
      padding: 0;
    }
  }
}
/* @delete */
.block-10 {}
@keyframes pulse-50 {
  0% { opacity: 0.5; }
  100% { opacity: 1; }
}
@media (prefers-reduced-motion: reduce) {
  .block-3 { transition: none; }
}
.brand-new { color: teal; }
`;

function section(i) {
  const quote = i % 3 === 0 ? "'" : '"';
  return `    <!-- section ${i} -->
    <section id="section-${i}" class=${quote}card card-${i % 7}${quote} data-index=${i}>
      <h2 class="title">Section ${i}</h2>
      <p>Paragraph ${i} with <a href="/page/${i}">a link</a>,<br/> a line break and <em>emphasis</em>.</p>
      <img src="/img/${i}.png" alt="Image ${i}" width=320 height=200 />
      <ul id="list-${i}">
        <li>first ${i}</li>
        <li>second ${i}</li>
      </ul>
      <input type="checkbox" checked disabled>
    </section>`;
}

/** A page of about `kb` kilobytes: doctype, head metadata, an inline style and script, keyed sections. */
export function generateHtml(kb = 55) {
  const head = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta property="og:title" content="Generated">
    <title>Generated page</title>
    <link rel="stylesheet" href="/main.css">
    <style id="theme">
      body { margin: 0; }
      .card { padding: 8px; }
    </style>
    <script src="/vendor.js" defer></script>
  </head>
  <body>
`;
  const sections = [];
  let size = head.length;
  for (let i = 0; size < kb * 1024; i++) {
    sections.push(section(i));
    size += sections.at(-1).length + 1;
  }
  return `${head}${sections.join('\n')}\n    <script src="/app.js"></script>\n  </body>\n</html>\n`;
}

/** A fragment bridge for `generateHtml`: head keys, a replacement, a deletion, placements and an inline style merge. */
export const htmlBridge = `<!-- @bridge page.html -->
<title>Merged page</title>
<meta name="description" content="A merged page">
<section id="section-10" class="card featured">
  <h2>Section ten, rewritten</h2>
</section>
<!-- @delete #section-20 -->
<!-- @append-to #list-5 -->
<li>third 5</li>
<!-- @before #section-30 -->
<aside id="note">A note</aside>
<!-- @merge -->
<style id="theme">
  .card { padding: 12px; }
  .featured { outline: 2px solid gold; }
</style>
`;
