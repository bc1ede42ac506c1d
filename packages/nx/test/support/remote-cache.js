// A remote cache speaking Nx's self-hosted cache API (GET/PUT /v1/cache/{hash}, bearer tokens),
// storing each task's archive as a file, on 127.0.0.1. Small on purpose: it is the test's stand-in
// for a team's cache server, with the read/write split a real one should have.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/**
 * @param {object} spec
 * @param {string} spec.folder where archives are stored
 * @param {string} spec.readToken may GET
 * @param {string} spec.writeToken may GET and PUT
 */
export async function startRemoteCache({ folder, readToken, writeToken }) {
  mkdirSync(folder, { recursive: true });
  /** @type {{ method: string, hash: string, status: number }[]} */
  const log = [];
  const server = createServer((request, response) => {
    const hash = /^\/v1\/cache\/([\w-]+)$/.exec(request.url ?? '')?.[1];
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const reply = (/** @type {number} */ status, /** @type {Buffer | string} */ body = '') => {
      log.push({ method: request.method ?? '', hash: hash ?? request.url ?? '', status });
      response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/octet-stream' }).end(body);
    };
    if (hash === undefined) return reply(404, 'not found');
    if (token !== readToken && token !== writeToken) return reply(401, 'missing or unknown token');
    const file = join(folder, hash);
    if (request.method === 'GET') return existsSync(file) ? reply(200, readFileSync(file)) : reply(404, 'no such record');
    if (request.method !== 'PUT') return reply(405, 'GET or PUT');
    if (token !== writeToken) return reply(403, 'this token may only read');
    if (existsSync(file)) return reply(409, 'a record is never overwritten');
    /** @type {Buffer[]} */
    const chunks = [];
    request.on('data', (c) => chunks.push(c)).on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      reply(200);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
