import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A file in this repository. */
export const repoFile = (...parts: string[]) => resolve(process.cwd(), ...parts);
/** A real public file from ../shared/data (see its README for sources and licenses). */
export const sharedDataFile = (...parts: string[]) =>
  resolve(process.cwd(), '..', 'shared', 'data', ...parts);
/** Reads a file as the bytes an importer would get. */
export const readBytes = (path: string) => new Uint8Array(readFileSync(path));
