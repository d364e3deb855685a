import { describe, expect, it } from 'vitest';
import { preloadStartPlugin } from '../../src/build/preload-start-plugin.ts';

type Handler = (html: string, context: { bundle: Record<string, unknown> }) => { attrs: { href: string } }[];

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = []) => ({
  type: 'chunk',
  fileName,
  facadeModuleId,
  imports,
});

/** A build's chunks: the entry, React's DOM renderer and the app (sharing React), the lazily loaded map. */
const bundle = Object.fromEntries(
  [
    chunk('assets/index-a.js', '/repo/src/app/main.tsx', ['assets/boot-b.js']),
    chunk('assets/boot-b.js', null),
    chunk('assets/client-c.js', '/repo/node_modules/react-dom/client.js', ['assets/react-d.js']),
    chunk('assets/react-d.js', null),
    chunk('assets/start-e.js', 'C:\\repo\\src\\app\\start.tsx', [
      'assets/react-d.js',
      'assets/client-c.js',
      'assets/boot-b.js',
    ]),
    chunk('assets/map-f.js', '/repo/src/app/map-area.tsx', ['assets/react-d.js']),
    { type: 'asset', fileName: 'assets/index.css' },
  ].map((c) => [c.fileName, c]),
);

const preloads = (modules: string[], html: string) => {
  const hook = preloadStartPlugin(modules).transformIndexHtml as unknown as { handler: Handler };
  return hook.handler(html, { bundle }).map((tag) => tag.attrs.href);
};

describe('preloadStartPlugin', () => {
  const html = '<script type="module" crossorigin src="./assets/index-a.js"></script>';

  it('preloads the chunks main.tsx imports as it starts, with what they import, once each', () => {
    expect(preloads(['react-dom/client.js', 'src/app/start.tsx'], html)).toEqual([
      './assets/client-c.js',
      './assets/react-d.js',
      './assets/start-e.js',
      './assets/boot-b.js',
    ]);
  });

  it('leaves out what the page already loads, and what is imported later (the map)', () => {
    const withBoot = `${html}<link rel="modulepreload" crossorigin href="./assets/boot-b.js">`;
    const files = preloads(['src/app/start.tsx'], withBoot);
    expect(files).not.toContain('./assets/boot-b.js');
    expect(files).not.toContain('./assets/index-a.js');
    expect(files).not.toContain('./assets/map-f.js');
  });

  it('fails the build when a module to preload is no chunk of its own', () => {
    expect(() => preloads(['src/app/gone.tsx'], html)).toThrow(/no chunk is the module src\/app\/gone.tsx/);
  });
});
