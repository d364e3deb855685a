import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Where the sync server keeps its SQLite file: `CRM_STORE_DIR`, else the user's data folder
 * (`$XDG_DATA_HOME` or ~/.local/share, /community-resource-map), else the system's temporary folder.
 * Never inside the source tree: a store there would end up in a commit or a build.
 */
export function storeDirFromEnv(env: NodeJS.ProcessEnv = process.env, sourceRoot = process.cwd()): string {
  const chosen = env.CRM_STORE_DIR?.trim();
  const home = env.HOME?.trim() || homedir();
  const dataHome = env.XDG_DATA_HOME?.trim() || (home ? join(home, '.local', 'share') : '');
  const dir = resolve(
    chosen || (dataHome ? join(dataHome, 'community-resource-map') : join(tmpdir(), 'crm-store')),
  );
  const inside = relative(resolve(sourceRoot), dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new Error(`CRM_STORE_DIR (${dir}) is inside the source tree; choose a folder outside it`);
  }
  return dir;
}
