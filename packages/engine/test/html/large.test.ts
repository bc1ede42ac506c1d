import { parse } from 'parse5';
import { expect, test } from 'vitest';
import { generateHtml, htmlBridge } from '../../../../tools/bench/src/lib/css-html-inputs.js';
import { mergeSync } from '../../src/merge.js';

const target = { path: 'page.html', code: generateHtml(55) };
const bridge = { path: 'page.bridge.html', code: htmlBridge };

test('a 55 KB page merges head keys, a replacement, a deletion, placements and an inline style', () => {
  expect(target.code.length).toBeGreaterThan(55 * 1024);
  const { code, diagnostics } = mergeSync({ target, bridges: [bridge] });
  expect(diagnostics).toEqual([]);
  expect(code).toContain('    <title>Merged page</title>\n');
  expect(code).toContain('    <script src="/vendor.js" defer></script>\n    <meta name="description" content="A merged page">\n  </head>');
  expect(code).toContain('    <section id="section-10" class="card featured">\n      <h2>Section ten, rewritten</h2>\n    </section>\n    <!-- section 11 -->');
  expect(code).not.toContain('id="section-20"');
  expect(code).toContain('        <li>second 5</li>\n        <li>third 5</li>\n      </ul>');
  expect(code).toContain('    <aside id="note">A note</aside>\n    <section id="section-30"');
  expect(code).toContain('      .card { padding: 12px; }\n      .featured { outline: 2px solid gold; }\n    </style>');
});

test('a merge of a large page leaves untouched sections byte for byte', () => {
  const { code } = mergeSync({ target, bridges: [bridge] });
  const section = (html: string, i: number) => html.slice(html.indexOf(`<section id="section-${i}"`), html.indexOf(`<!-- section ${i + 1} -->`));
  for (const i of [0, 9, 11, 19, 21, 40]) expect(section(code, i)).toBe(section(target.code, i));
  expect(code.startsWith(target.code.slice(0, target.code.indexOf('<title>')))).toBe(true);
  expect(parse(code).childNodes.length).toBe(parse(target.code).childNodes.length);
});
