import type { Resource } from '../../domain/model/resource.ts';
import { indexOfId } from '../../domain/query/dataset.ts';
import { composeDataset } from '../../domain/query/shown-dataset.ts';
import type { AppState } from '../app-store.ts';

/**
 * This browser's own records — the default data, imports and the workshop's layer, with the local workspace's
 * edits applied and its deletions left out — not the shared ones: what the office's upload writes.
 */
export function localRecords(s: AppState): readonly Resource[] {
  const config = s.manifest ?? { categories: [], serviceTags: [] };
  const layers = s.layers.filter((l) => l.kind !== 'shared' && l.kind !== 'proposals');
  return composeDataset({ base: s.base, layers, edits: s.edits, deletedIds: s.deletedIds }, config).resources;
}

/** The shared document a record on show comes from (its first layer holding the id), or null. */
export function sharedDocumentOf(s: AppState, id: string): string | null {
  for (const layer of s.layers) {
    if (layer.kind === 'shared' && indexOfId(layer.dataset, id) >= 0) return layer.id;
  }
  return null;
}

/** Who keeps a record of the shared map, and whether this link may change it. */
export interface SharedOwner {
  readonly document: string;
  readonly label: string;
  readonly editable: boolean;
  /** Whether the server has said yet what this link may do with the document (null: not yet). */
  readonly checked: boolean;
}

/** The owner of a record on show, or null when it is not part of a shared map. */
export function selectSharedOwner(s: AppState, id: string | null): SharedOwner | null {
  if (id === null || s.sharedPhase !== 'on') return null;
  const document = sharedDocumentOf(s, id);
  if (!document) return null;
  const doc = s.sharedDocs[document];
  return {
    document,
    label: doc?.label ?? document,
    editable: doc?.access === 'write',
    checked: (doc?.access ?? null) !== null,
  };
}

/**
 * The whole map's connection, for the indicator: offline when any document is, the changes waiting, and whether
 * any document cannot be kept on this device.
 */
export function selectSharedConnection(s: AppState): {
  connection: 'connecting' | 'online' | 'offline';
  waiting: number;
  notKept: boolean;
} {
  let connection: 'connecting' | 'online' | 'offline' = 'online';
  let waiting = 0;
  let notKept = false;
  const docs = Object.values(s.sharedDocs);
  for (const d of docs) {
    waiting += d.unsynced;
    notKept ||= d.notKept;
    if (d.connection === 'offline') connection = 'offline';
    else if (d.connection === 'connecting' && connection === 'online') connection = 'connecting';
  }
  return { connection: docs.length === 0 ? 'connecting' : connection, waiting, notKept };
}
