/// <reference lib="dom" />
import type { DashboardData } from './data.js';

/**
 * The page's script. It runs in the browser from its own source text (`client.toString()`), so it
 * imports nothing and uses only its arguments and the DOM. It draws the timeline as plain SVG: a
 * row per thread and a bar per task is all a timeline needs, and no charting library draws a
 * Gantt chart in less than a few lines of SVG.
 */
export function client(doc: Document, data: DashboardData, live: string | null): void {
  const COLORS = ['#e2b33c', '#3c8de2', '#e2643c'];
  const LANGS = ['js', 'css', 'html'];
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id: string) => doc.getElementById(id)!;
  const fmt = (ms: number) => (Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
  const el = (tag: string, attrs: Record<string, string | number> = {}, text?: string) => {
    const node = ['svg', 'rect', 'text', 'tspan', 'line', 'g', 'title', 'circle'].includes(tag) ? doc.createElementNS(SVG, tag) : doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  type Row = { file: string; lang: number; track: number; start: number; run: number; read: number; plan: number; apply: number; queue: number; ok: boolean; hit: boolean; bytes: number; attempts: number; predicted: number; actual: number };

  function render(d: DashboardData): void {
    const rows: Row[] = d.tasks.map((t) => ({ file: d.files[t[0]!]!, lang: t[1]!, track: t[2]!, start: t[3]!, run: t[4]!, read: t[5]!, plan: t[6]!, apply: t[7]!, queue: t[8]!, ok: t[9] === 1, hit: t[10] === 1, bytes: t[11]!, attempts: t[12]!, predicted: t[13]!, actual: t[14]! }));
    doc.title = d.title;
    $('title').textContent = d.title;
    $('subtitle').textContent = `${d.tool} · ${new Date(d.generatedAt).toLocaleString()}`;
    summary(d, rows);
    timeline(d, rows);
    breakdowns(rows);
    operations(d);
    commands(d);
    slowest(rows);
    bottlenecks(d);
    predictions(d, rows);
  }

  /** Predicted against actual, one dot per merge, on log scales, with the +-30% band. */
  function predictions(d: DashboardData, rows: Row[]): void {
    const points = rows.filter((r) => r.predicted > 0 && r.actual >= 0 && r.ok && !r.hit);
    const box = $('predictions');
    if (points.length === 0) return void box.replaceChildren(el('p', { class: 'muted' }, 'No merge of this run had a prediction to score.'));
    const size = 260;
    const pad = 34;
    const values = points.flatMap((p) => [p.predicted, p.actual]).filter((v) => v > 0);
    const lo = Math.log10(Math.min(...values)) - 0.1;
    const hi = Math.log10(Math.max(...values)) + 0.1;
    const at = (v: number) => pad + ((Math.log10(Math.max(v, 1e-3)) - lo) / (hi - lo || 1)) * (size - pad - 8);
    const svg = el('svg', { viewBox: `0 0 ${size} ${size}`, class: 'scatter', role: 'img' });
    const band = (k: number) => el('line', { x1: at(10 ** lo), y1: size - at(10 ** lo * k), x2: at(10 ** hi), y2: size - at(10 ** hi * k), class: k === 1 ? 'diagonal' : 'band' });
    svg.append(band(0.7), band(1), band(1.3));
    for (const p of points) {
      const dot = el('circle', { cx: at(p.predicted), cy: size - at(p.actual), r: 3, class: 'dot', fill: COLORS[p.lang]! });
      dot.append(el('title', {}, `${p.file}: predicted ${fmt(p.predicted)}, took ${fmt(p.actual)} on its thread's CPU`));
      svg.append(dot);
    }
    svg.append(el('text', { x: size / 2, y: size - 4, class: 'axis', 'text-anchor': 'middle' }, 'predicted'), el('text', { x: 10, y: size / 2, class: 'axis', transform: `rotate(-90 10 ${size / 2})`, 'text-anchor': 'middle' }, 'actual'));
    const score = d.predictions;
    const text = el('div', { class: 'score' });
    text.append(
      el('p', {}, `${Math.round(score.within30 * 100)}% of ${score.scored} merges within 30% of their prediction; median error ${Math.round(score.medianErrorPct)}%.`),
      ...(score.held && score.held.scored < score.scored ? [el('p', { class: 'muted' }, `Of the ${score.held.scored} whose thread held its CPU throughout (no other process took it mid-merge): ${Math.round(score.held.within30 * 100)}% within 30%.`)] : []),
      ...(score.anomalies.length
        ? [el('h3', {}, 'Anomalies (over 3x the prediction)'), ...score.anomalies.slice(0, 10).map((a) => el('div', { class: 'anomaly' }, `${a.file}: ${fmt(a.actualMs)}, predicted ${fmt(a.predictedMs)} from its ${a.from === 'size' ? 'size' : a.from === 'target' ? 'earlier runs' : "class's runs"}`))]
        : [el('p', { class: 'muted' }, 'No anomaly.')]),
    );
    box.replaceChildren(svg, text);
  }

  function summary(d: DashboardData, rows: Row[]): void {
    const r = d.run;
    const hits = rows.filter((x) => x.hit).length;
    const cards: [string, string][] = [
      ['merges', `${r.jobs}`],
      ['failed', `${r.failures}`],
      ['wall time', fmt(r.wallMs)],
      ['threads', `${r.threads}`],
      ['CPU use', `${Math.round(r.cpuUtilisation * 100)}%`],
      ['throughput', `${Math.round(r.throughput)}/s`],
      ['peak RSS', `${Math.round(r.peakRssMb)} MB`],
      ['cache hits', r.cache ? `${hits} of ${rows.length} (${rows.length ? Math.round((hits * 100) / rows.length) : 0}%)` : 'off'],
    ];
    const box = $('summary');
    box.replaceChildren(...cards.map(([label, value]) => {
      const card = el('div', { class: 'card' });
      card.append(el('div', { class: 'value' }, value), el('div', { class: 'label' }, label));
      return card;
    }));
  }

  function timeline(d: DashboardData, rows: Row[]): void {
    const width = 1000;
    const rowHeight = 30;
    const left = 110;
    // A live page's measure starts with its first request: merges from before it start below 0.
    const origin = Math.min(0, ...rows.map((r) => r.start));
    const span = Math.max(d.run.wallMs, ...rows.map((r) => r.start + r.run), 1) - origin;
    const x = (ms: number) => left + ((ms - origin) / span) * (width - left - 10);
    const svg = el('svg', { viewBox: `0 0 ${width} ${d.tracks.length * rowHeight + 24}`, class: 'timeline', role: 'img' });
    d.tracks.forEach((track, i) => {
      const g = el('g', { class: 'row', 'data-track': track.id });
      const label = el('text', { x: 4, y: i * rowHeight + 19, class: 'track' }, track.name);
      label.append(el('tspan', { class: 'busy', dx: 6 }, `${Math.round(track.busy * 100)}%`), el('title', {}, `${track.name}: busy ${Math.round(track.busy * 100)}% of the run`));
      g.append(label);
      g.append(el('line', { x1: left, x2: width - 10, y1: i * rowHeight + rowHeight, y2: i * rowHeight + rowHeight, class: 'grid' }));
      rows.forEach((row, index) => {
        if (row.track !== track.id) return;
        const bar = el('rect', {
          x: x(row.start),
          y: i * rowHeight + 5,
          width: Math.max(1.5, x(row.start + row.run) - x(row.start)),
          height: rowHeight - 10,
          fill: row.hit ? '#d8dde3' : COLORS[row.lang]!,
          class: `bar${row.hit ? ' hit' : ''}${row.ok ? '' : ' failed'}`,
          'data-task': index,
          tabindex: 0,
        });
        bar.append(el('title', {}, `${row.file} · ${fmt(row.run)}${row.hit ? ' · cache hit' : ''}`));
        bar.addEventListener('click', () => details(row));
        g.append(bar);
      });
      svg.append(g);
    });
    for (let k = 0; k <= 4; k++) {
      const at = origin + (span * k) / 4;
      svg.append(el('text', { x: x(at), y: d.tracks.length * rowHeight + 18, class: 'axis', 'text-anchor': k === 0 ? 'start' : k === 4 ? 'end' : 'middle' }, fmt(at)));
    }
    $('timeline').replaceChildren(svg);
    $('legend').replaceChildren(...LANGS.map((lang, i) => el('span', { class: 'key', style: `--c:${COLORS[i]}` }, lang)), el('span', { class: 'key', style: '--c:#d8dde3' }, 'cache hit'));
  }

  function details(row: Row): void {
    const box = $('details');
    const phases: [string, number][] = [['read (parse)', row.read], ['plan', row.plan], ['apply (splice, map)', row.apply], ['queued', row.queue]];
    box.replaceChildren(
      el('h3', { class: 'target' }, row.file),
      el('p', {}, `${LANGS[row.lang]} · ${Math.round(row.bytes / 102.4) / 10} KB · ${row.ok ? 'merged' : 'failed'} · ${row.hit ? 'served from the cache' : `attempt ${row.attempts}`} · ${fmt(row.run)} on its thread`),
      ...phases.map(([name, ms]) => {
        const line = el('div', { class: 'phase' });
        line.append(el('span', {}, name), el('b', {}, fmt(ms)));
        return line;
      }),
    );
  }

  function breakdowns(rows: Row[]): void {
    const ran = rows.filter((r) => !r.hit);
    const total = (f: (r: Row) => number) => ran.reduce((s, r) => s + f(r), 0);
    bars('phases', [['read (parse)', total((r) => r.read), '#7a5cd6'], ['plan', total((r) => r.plan), '#2fa37a'], ['apply', total((r) => r.apply), '#d65c8a']]);
    bars('languages', LANGS.map((lang, i) => [lang, ran.filter((r) => r.lang === i).reduce((s, r) => s + r.run, 0), COLORS[i]!] as [string, number, string]));
  }

  function operations(d: DashboardData): void {
    if (d.operations.length === 0) return void $('operations').replaceChildren(el('p', { class: 'muted' }, 'No merge was planned in this run.'));
    bars('operations', d.operations.map(([kind, n]) => [kind, n, '#5c7ad6'] as [string, number, string]), (n) => `${n}`);
  }

  function commands(d: DashboardData): void {
    if (d.commands.length === 0) return void $('commands').replaceChildren(el('p', { class: 'muted' }, 'No merge was planned in this run.'));
    bars('commands', d.commands.map(([kind, n, plan, apply]) => [`${kind} ×${n}`, plan + apply, '#c9892e'] as [string, number, string]));
  }

  function bars(id: string, items: [string, number, string][], format: (value: number) => string = fmt): void {
    const max = Math.max(...items.map((i) => i[1]), 1e-9);
    $(id).replaceChildren(...items.map(([name, value, color]) => {
      const line = el('div', { class: 'hbar' });
      const fill = el('div', { class: 'fill', style: `width:${(value / max) * 100}%;background:${color}` });
      line.append(el('span', { class: 'name' }, name), fill, el('span', { class: 'num' }, format(value)));
      return line;
    }));
  }

  function slowest(rows: Row[]): void {
    const top = [...rows].sort((a, b) => b.run - a.run).slice(0, 10);
    const body = top.map((r) => {
      const tr = el('tr');
      for (const cell of [r.file, LANGS[r.lang]!, fmt(r.run), fmt(r.read), fmt(r.queue), r.hit ? 'hit' : r.ok ? 'merged' : 'failed']) tr.append(el('td', {}, cell));
      tr.addEventListener('click', () => details(r));
      return tr;
    });
    $('slowest').replaceChildren(...body);
  }

  function bottlenecks(d: DashboardData): void {
    const list = $('bottlenecks');
    if (d.bottlenecks.length === 0) return void list.replaceChildren(el('li', { class: 'none' }, 'No bottleneck found in this run.'));
    list.replaceChildren(...d.bottlenecks.map((b) => {
      const li = el('li', { 'data-rule': b.rule });
      li.append(el('div', { class: 'finding' }, b.finding), el('div', { class: 'suggestion' }, b.suggestion));
      return li;
    }));
  }

  render(data);
  if (live) {
    const source = new EventSource(live);
    source.addEventListener('run', (event) => render(JSON.parse((event as MessageEvent).data as string) as DashboardData));
    $('live').textContent = 'live: updates as merges happen';
  }
}
