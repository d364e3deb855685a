import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every .ts/.tsx file under src/, as [path relative to src/, text]. */
function sources(): [string, string][] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((path) => /\.tsx?$/.test(path))
    .map((path) => [path.replaceAll('\\', '/'), readFileSync(`${SRC}${path}`, 'utf8')]);
}

// A React.lazy part outside a boundary blanks the whole app when its chunk fails to load (issue 19).
describe('parts loaded on demand', () => {
  it('are declared with lazyPart (its retry), never with a bare React.lazy', () => {
    const bare = sources()
      .filter(([path]) => path !== 'components/lazy-part.ts')
      .filter(([, text]) => /(^|[^\w.])lazy\(|React\.lazy\(/m.test(text))
      .map(([path]) => path);
    expect(bare).toEqual([]);
  });

  it('are rendered inside the chunk boundary (directly or through WhenOpen) wherever they are used', () => {
    const unguarded = sources()
      .filter(([, text]) => text.includes('useLazyPart('))
      .filter(([path]) => path !== 'components/lazy-part.ts')
      .filter(([, text]) => !/<WhenOpen\b|<ChunkErrorBoundary\b/.test(text))
      .map(([path]) => path);
    expect(unguarded).toEqual([]);
  });
});
