import { checkFileSize } from '../../domain/loading/import-limits.ts';

/**
 * A response's body as bytes, refused (ImportLimitError) as soon as it passes the largest file any format
 * accepts: by its Content-Length before reading, else while it streams in, so that a link to a huge file never
 * fills the page's memory.
 */
export async function readBodyWithinLimit(response: Response): Promise<Uint8Array> {
  const stated = Number(response.headers.get('content-length') ?? '');
  if (stated > 0) checkFileSize(null, stated);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    checkFileSize(null, bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    try {
      checkFileSize(null, total);
    } catch (error) {
      void reader.cancel();
      throw error;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
