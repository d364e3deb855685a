import { describe, expect, it } from 'vitest';
import { ImportLimitError, LARGEST_FILE_BYTES } from '../../src/domain/loading/import-limits.ts';
import { readBodyWithinLimit } from '../../src/services/import/read-body.ts';

const MiB = 1024 * 1024;

/** A body of endless 1 MiB chunks, counting how many were pulled. */
function endlessBody(): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulls = 0;
  const chunk = new Uint8Array(MiB).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => pulls };
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportLimitError) return error.refusal;
    throw error;
  }
  throw new Error('not refused');
}

describe('a ?data= link’s body, read within the largest file limit', () => {
  it('stops reading an endless body just past the limit', async () => {
    const { body, pulled } = endlessBody();
    const refusal = await refusalOf(readBodyWithinLimit(new Response(body)));
    expect(refusal).toMatchObject({ kind: 'file-size', format: null, limit: LARGEST_FILE_BYTES });
    expect(pulled()).toBeLessThanOrEqual(LARGEST_FILE_BYTES / MiB + 2);
  });

  it('refuses by its Content-Length before reading anything', async () => {
    const { body, pulled } = endlessBody();
    const response = new Response(body, { headers: { 'content-length': String(300 * MiB) } });
    expect(await refusalOf(readBodyWithinLimit(response))).toEqual({
      kind: 'file-size',
      format: null,
      limit: LARGEST_FILE_BYTES,
      found: 300 * MiB,
    });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('reads a body within the limit whole', async () => {
    const bytes = await readBodyWithinLimit(new Response('名稱\n甲\n'));
    expect(new TextDecoder().decode(bytes)).toBe('名稱\n甲\n');
  });
});
