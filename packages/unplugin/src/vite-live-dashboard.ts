import type { ServerResponse } from 'node:http';
import type { MeasuredRun, TaskReport } from '@codebridge/engine';
import type { ViteDevServer } from 'vite';
import type { PluginState } from './plugin-state.js';

type Engine = typeof import('@codebridge/engine');

export const LIVE_PATH = '/__codebridge/';
/** Merges the page keeps (the newest); a dev session can merge without end. */
const KEPT = 2000;
/** Updates go out at most this often, however many merges settle. */
const PUSH_MS = 100;

/**
 * The dashboard of the dev server's merges, served live at `/__codebridge/` (like
 * vite-plugin-inspect's `/__inspect/`): the page, and a server-sent event stream that sends the
 * run again each time merges settle. The engine's full entry loads on the first request.
 */
export function serveLiveDashboard(server: ViteDevServer, state: PluginState): void {
  const tasks: TaskReport[] = [];
  const clients = new Set<ServerResponse>();
  let engine: Promise<Engine> | undefined;
  let run: MeasuredRun | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const data = async () => {
    const loaded = await (engine ??= import('@codebridge/engine'));
    run ??= loaded.measureRun(() => state.merges.runContext());
    return { loaded, data: loaded.dashboardData(run.snapshot(tasks), { tool: 'vite dev server', title: 'CodeBridge: vite dev server' }) };
  };
  const push = async () => {
    pending = undefined;
    const { data: current } = await data();
    for (const client of clients) client.write(`event: run\ndata: ${JSON.stringify(current)}\n\n`);
  };
  const stop = state.merges.onMerged((finished) => {
    tasks.push(finished.report);
    if (tasks.length > KEPT) tasks.shift();
    if (clients.size > 0) pending ??= setTimeout(() => void push(), PUSH_MS);
  });

  server.middlewares.use(LIVE_PATH, (req, res, next) => {
    const path = (req.url ?? '/').replace(/[?#].*$/, '');
    if (path === '/events') return openStream(res, clients);
    if (path !== '/') return next();
    void data().then(({ loaded, data: current }) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(loaded.dashboardPage(current, `${LIVE_PATH}events`));
    }, next);
  });

  // The measure samples RSS on a timer and watches GC until it finishes: it ends with the server
  // (a restart makes a new server, and a new page for it).
  const close = server.close.bind(server);
  server.close = () => {
    stop();
    run?.finish([]);
    for (const client of clients) client.end();
    return close();
  };

  const printUrls = server.printUrls.bind(server);
  server.printUrls = () => {
    printUrls();
    for (const url of server.resolvedUrls?.local ?? []) server.config.logger.info(`  ➜  CodeBridge: ${url.replace(/\/$/, '')}${LIVE_PATH}`);
  };
}

function openStream(res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  clients.add(res);
  res.on('close', () => clients.delete(res));
}
