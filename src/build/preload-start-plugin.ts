import type { Plugin } from 'vite';

interface Chunk {
  readonly type: 'chunk';
  readonly fileName: string;
  readonly facadeModuleId: string | null;
  readonly imports: readonly string[];
}

/**
 * The page's script loads the app with import() as it starts (app/main.tsx: React's DOM renderer, then the app,
 * each evaluated in a task of its own). This lists those chunks, and everything they import, as module
 * preloads in the built index.html: the browser fetches and compiles them while it reads the page, as it would
 * static imports, and evaluates them only when main.tsx imports them.
 * `modules` are ends of the imported modules' ids, e.g. 'src/app/start.tsx'.
 */
export function preloadStartPlugin(modules: readonly string[]): Plugin {
  return {
    name: 'preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter(
          (c): c is typeof c & Chunk => c.type === 'chunk',
        );
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const add = (chunk: Chunk | undefined) => {
          if (!chunk || files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const imported of chunk.imports) add(byFile.get(imported));
        };
        for (const end of modules) {
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(end));
          if (!chunk) throw new Error(`preload-start: no chunk is the module ${end}`);
          add(chunk);
        }
        const already = (file: string) => html.includes(`/${file}"`) || html.includes(`"./${file}"`);
        return [...files]
          .filter((file) => !already(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
