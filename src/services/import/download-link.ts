/** A download refused for its size: the limit it went over, in bytes. */
export class DownloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.name = 'DownloadTooLarge';
  }
}

/**
 * Fetches a file, refusing it once it is larger than `maxBytes`: at once when the server says so
 * (Content-Length), else as soon as the bytes counted while streaming go over (a server that sends no length,
 * or a compressed response that inflates). Nothing more is read after the refusal.
 */
export async function downloadWithLimit(url: string, maxBytes: number): Promise<Uint8Array> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, credentials: 'omit' });
  if (!response.ok) {
    controller.abort();
    throw new Error(`HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw new DownloadTooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw new DownloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
