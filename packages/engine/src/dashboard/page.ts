import type { RunReport } from '../runtime/report.js';
import { client } from './client.js';
import { dashboardData, type DashboardData } from './data.js';

export interface DashboardOptions {
  title?: string;
  /** Who ran: `codebridge apply`, `vite build`... */
  tool?: string;
  /** A server-sent event stream of new `DashboardData` (the Vite dev server's live page). */
  live?: string;
}

/**
 * The dashboard of one run: one self-contained HTML file (data, script and styles inline, no
 * request to anywhere), opened with a double click.
 */
export function renderDashboard(report: RunReport, options: DashboardOptions = {}): string {
  return dashboardPage(dashboardData(report, options), options.live);
}

/** The page around already prepared data (the live page renders it again for each run). */
export function dashboardPage(data: DashboardData, live?: string): string {
  // `<` is escaped so no file name or message can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:">
<title>CodeBridge run</title>
<style>${STYLES}</style>
</head>
<body>
<header><div><h1 id="title"></h1><div id="subtitle" class="muted"></div></div><div id="live" class="muted"></div></header>
<section id="summary" class="cards"></section>
<section class="panel"><h2>Timeline <span id="legend" class="legend"></span></h2><div id="timeline"></div><div id="details" class="details"><p class="muted">Click a bar to see its target and phases.</p></div></section>
<div class="grid2">
<section class="panel"><h2>Bottlenecks</h2><ul id="bottlenecks" class="bottlenecks"></ul></section>
<section class="panel"><h2>Where the time went</h2><h3>Phases</h3><div id="phases"></div><h3>Languages</h3><div id="languages"></div><h3>Operations planned (by kind)</h3><div id="operations"></div><h3>Commands (plan and apply time, by kind)</h3><div id="commands"></div></section>
</div>
<section class="panel"><h2>Slowest targets</h2><table><thead><tr><th>target</th><th>lang</th><th>run</th><th>read</th><th>queued</th><th></th></tr></thead><tbody id="slowest"></tbody></table></section>
<section class="panel"><h2>Predicted against actual</h2><div id="predictions" class="predictions"></div></section>
<script>(${client.toString()})(document, ${json}, ${JSON.stringify(live ?? null)});</script>
</body>
</html>
`;
}

const STYLES = `
:root{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2433;background:#f4f6f9}
body{max-width:1120px;margin:0 auto;padding:24px}
header{display:flex;justify-content:space-between;align-items:flex-end;margin-bottom:16px}
h1{font-size:22px;margin:0}h2{font-size:15px;margin:0 0 12px;display:flex;gap:12px;align-items:center}h3{font-size:13px;margin:12px 0 6px;color:#56607a}
.muted{color:#6b7489}
.cards{display:grid;grid-template-columns:repeat(8,1fr);gap:10px;margin-bottom:16px}
.card{background:#fff;border-radius:10px;padding:10px 12px;box-shadow:0 1px 2px #0001}
.card .value{font-size:18px;font-weight:650}.card .label{color:#6b7489;font-size:12px}
.panel{background:#fff;border-radius:10px;padding:16px;margin-bottom:16px;box-shadow:0 1px 2px #0001}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.timeline{width:100%;height:auto;display:block}
.timeline .track{font-size:12px;fill:#56607a}.timeline .busy{font-size:11px;fill:#8a93a6}.timeline .axis{font-size:11px;fill:#8a93a6}.timeline .grid{stroke:#eef1f5}
.timeline .bar{cursor:pointer;rx:2}.timeline .bar:hover,.timeline .bar:focus{stroke:#1d2433;stroke-width:1.5;outline:none}
.timeline .bar.hit{stroke:#9aa3b2;stroke-dasharray:2 2}.timeline .bar.failed{stroke:#c0262d;stroke-width:2}
.legend{display:flex;gap:12px;font-weight:400;font-size:12px}.key::before{content:"";display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--c);margin-right:4px;vertical-align:-1px}
.details{margin-top:12px;border-top:1px solid #eef1f5;padding-top:10px;min-height:40px}.details h3{margin:0 0 4px;color:#1d2433;font-size:14px;word-break:break-all}
.phase{display:flex;justify-content:space-between;max-width:320px;border-bottom:1px dotted #e3e7ee;padding:2px 0}
.hbar{display:grid;grid-template-columns:150px 1fr 80px;align-items:center;gap:8px;margin:4px 0}.hbar .fill{height:12px;border-radius:3px;min-width:2px}.hbar .num{text-align:right;color:#56607a}
.bottlenecks{list-style:none;padding:0;margin:0}.bottlenecks li{border-left:4px solid #e2643c;background:#fdf6f3;padding:8px 10px;margin-bottom:8px;border-radius:4px}
.bottlenecks li.none{border-color:#2fa37a;background:#f2faf6}.finding{font-weight:600}.suggestion{color:#56607a;margin-top:2px}
.predictions{display:flex;gap:24px;align-items:flex-start}.scatter{width:260px;height:260px;flex:none;background:#fafbfd;border-radius:6px}
.scatter .diagonal{stroke:#8a93a6}.scatter .band{stroke:#c9cfda;stroke-dasharray:3 3}.scatter .dot{opacity:.75}.anomaly{color:#c0262d;word-break:break-all}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eef1f5}td:first-child{word-break:break-all}tbody tr{cursor:pointer}tbody tr:hover{background:#f7f9fc}
`;
