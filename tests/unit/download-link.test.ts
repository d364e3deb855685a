import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadTooLarge, downloadWithLimit } from '../../src/services/import/download-link.ts';

const LIMIT = 64 * 1024;
const CHUNK = 8 * 1024;

/** What the server managed to write for each path before the client went away. */
const written = new Map<string, number>();
let server: Server;
let base: string;

/**
 * A real HTTP server on a loopback port the system picks: `/sized/N` sends N bytes with a Content-Length,
 * `/streamed/N` sends N bytes in chunks without one (chunked encoding), slowly enough that a client that stops
 * reading makes it stop too; `/gzip/N` sends N zeros gzipped (a few hundred bytes on the wire); `/missing` 404.
 */
beforeAll(async () => {
  server = createServer((request, response) => {
    const [, kind, size] = (request.url ?? '').split('/');
    const total = Number(size);
    written.set(request.url ?? '', 0);
    if (kind === 'sized') {
      response.writeHead(200, { 'content-length': total, 'content-type': 'text/csv' });
      response.end(Buffer.alloc(total, 0x41));
      written.set(request.url ?? '', total);
    } else if (kind === 'streamed') {
      response.writeHead(200, { 'content-type': 'text/csv' });
      let sent = 0;
      const more = () => {
        if (response.destroyed || sent >= total) {
          response.end();
          return;
        }
        const n = Math.min(CHUNK, total - sent);
        sent += n;
        written.set(request.url ?? '', sent);
        response.write(Buffer.alloc(n, 0x42));
        setTimeout(more, 2);
      };
      more();
    } else if (kind === 'gzip') {
      const body = gzipSync(Buffer.alloc(total));
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length });
      response.end(body);
    } else {
      response.writeHead(404);
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(path: string): Promise<unknown> {
  return downloadWithLimit(`${base}${path}`, LIMIT).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('downloadWithLimit', () => {
  it.each([
    { path: `/sized/${LIMIT}`, bytes: LIMIT },
    { path: '/sized/0', bytes: 0 },
    { path: `/streamed/${LIMIT}`, bytes: LIMIT },
    { path: '/gzip/1000', bytes: 1000 },
  ])('reads $path whole ($bytes bytes, the limit included)', async ({ path, bytes }) => {
    const body = await downloadWithLimit(`${base}${path}`, LIMIT);
    expect(body.byteLength).toBe(bytes);
  });

  it('refuses a file whose Content-Length is over the limit, naming the limit', async () => {
    const error = await refusal(`/sized/${LIMIT + 1}`);
    expect(error).toBeInstanceOf(DownloadTooLarge);
    expect((error as DownloadTooLarge).limit).toBe(LIMIT);
  });

  it('refuses a file sent without a length once the bytes counted pass the limit, and stops reading', async () => {
    const total = LIMIT * 64;
    const error = await refusal(`/streamed/${total}`);
    expect(error).toBeInstanceOf(DownloadTooLarge);
    // The server found the connection gone long before the 4 MB were out.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written.get(`/streamed/${total}`)).toBeLessThan(total / 4);
  });

  it('counts the bytes as they inflate: a small gzip body of many zeros is refused', async () => {
    expect(await refusal(`/gzip/${LIMIT * 100}`)).toBeInstanceOf(DownloadTooLarge);
  });

  it('says the HTTP status of a failed download', async () => {
    const error = await refusal('/missing');
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('HTTP 404');
  });
});
