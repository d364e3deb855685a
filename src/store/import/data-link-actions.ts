import { DATA_LINK_MAX_BYTES, type DataLinkRequest, isTrustedDataLink } from '../../domain/link/data-link.ts';
import { DownloadTooLarge, downloadWithLimit } from '../../services/import/download-link.ts';
import { useAppStore } from '../app-store.ts';
import { selectLinkDatasets, selectLinkHostById, selectLinkHostOf } from './data-link-derived.ts';

const store = () => useAppStore.getState();

/**
 * What a `?data=` link asks for, once the configuration has loaded: nothing loads before the person agrees
 * (the confirmation shows the host), except from an origin the manifest's `trustedDataHosts` lists, which
 * loads at once. A link that is no http(s) URL is refused with its reason.
 */
export function openDataLink(request: DataLinkRequest): void {
  if (request.kind === 'none') return;
  if (request.kind === 'refused') {
    store().setDataLink({ url: request.raw, host: '', stage: 'failed', reason: request.reason });
    return;
  }
  const trusted = store().manifest?.trustedDataOrigins ?? [];
  if (isTrustedDataLink(request.url, trusted)) {
    void loadDataLink(request.url, request.host);
    return;
  }
  store().setDataLink({ url: request.url, host: request.host, stage: 'confirm' });
}

/** The person agreed: the file is downloaded (within the size limit) and imported, marked as from the link. */
export function acceptDataLink(): void {
  const link = store().dataLink;
  if (link?.stage !== 'confirm') return;
  void loadDataLink(link.url, link.host);
}

/** The person declined (or closed a failure): nothing from the link is loaded, the official map stays. */
export function dismissDataLink(): void {
  store().setDataLink(null);
}

/**
 * Takes the link's data off the map (the banner's button): its datasets go, with the office's corrections of
 * their records (as a removed file's go), a record of theirs that was open is closed, and a link still loading is
 * stopped.
 */
export function removeLinkData(): void {
  const s = store();
  if (s.selectedId !== null && selectLinkHostOf(s, s.selectedId) !== null) s.select(null, 'list');
  // The importer's code is loaded if a file of the link is being imported; otherwise there is nothing to stop.
  void import('./import-actions.ts').then((m) => m.cancelLinkImports());
  const datasetIds = selectLinkDatasets(s).map((d) => d.id);
  // A corrected record is in the store's corrections (a merged duplicate too), which only the corrections' code
  // (with Yjs) writes: without one, a resident's page removes the datasets at once and loads none of it.
  const corrected = [...selectLinkHostById(s).keys()].some((id) => Object.hasOwn(s.officeEdits, id));
  if (corrected) void import('./corrections-actions.ts').then((m) => m.removeDatasets(datasetIds));
  else for (const id of datasetIds) store().removeImportedDataset(id);
  store().setDataLink(null);
}

async function loadDataLink(url: string, host: string): Promise<void> {
  store().setDataLink({ url, host, stage: 'loading' });
  let bytes: Uint8Array;
  try {
    bytes = await downloadWithLimit(url, DATA_LINK_MAX_BYTES);
  } catch (error) {
    if (store().dataLink?.url !== url) return;
    const reason =
      error instanceof DownloadTooLarge
        ? 'link-too-large'
        : error instanceof Error
          ? error.message
          : String(error);
    store().setDataLink({ url, host, stage: 'failed', reason });
    return;
  }
  // Declined or removed while it downloaded: nothing is imported.
  if (store().dataLink?.url !== url || store().dataLink?.stage !== 'loading') return;
  // The importer's code loads with the first file, not with the page.
  const { importLinkedFile } = await import('./import-actions.ts');
  importLinkedFile(url, bytes);
}
