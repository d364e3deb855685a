import type { FileDefaults } from '../../domain/loading/build-resource.ts';
import type { TextEncodingName } from '../../domain/loading/decode-bytes.ts';
import type { ImportChoices, ImportPhase, ImportPreview } from '../../domain/loading/import-file.ts';
import type { Dataset, DatasetConfig } from '../../domain/query/dataset.ts';
import { type StoredDataset, storedDataset, type WorkerCopy } from './import-database.ts';
import { type LandedImport, type LandingRequest, landedRecords } from './import-landing.ts';
import {
  type ImportConfig,
  type ImportReply,
  type ImportRequest,
  type KmlAsGeoJson,
  partJoiner,
} from './import-protocol.ts';
import { IMPORTED_FILE_PREFIX } from './imported-files.ts';

/** Thrown into a pending preview or import when the person cancels. */
export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * One file's conversation with the importer: preview (as often as the encoding changes), then the import, up
 * to the dataset ready to show.
 */
export interface ImportSession {
  /**
   * A KML or KMZ file as GeoJSON, inflated, checked against the import limits and converted off this thread;
   * null for any other file. Rejects with the refusal when the file breaks a limit, or 'not KML'.
   */
  kmlAsGeoJson(bytes: Uint8Array): Promise<KmlAsGeoJson | null>;
  preview(
    bytes: Uint8Array,
    fileName: string,
    encoding?: TextEncodingName,
    gazetteerUrl?: string,
  ): Promise<ImportPreview>;
  run(
    bytes: Uint8Array,
    defaults: FileDefaults,
    choices: ImportChoices,
    config: ImportConfig,
    landing: LandingRequest,
    onProgress: (phase: ImportPhase, done: number, total: number) => void,
  ): Promise<LandedImport>;
  /**
   * After run: the worker's own copy of the dataset, which it can write to IndexedDB; its release frees the
   * worker. Null where the import ran on the page (nothing to save by handing over).
   */
  workerCopy(): WorkerCopy | null;
  /** Stops at once (the worker is terminated); a pending call rejects with ImportCancelled. */
  cancel(): void;
  /** Frees the worker once the file is done. */
  close(): void;
}

type Transport = {
  /** The import runs in a worker (its records can be written to IndexedDB there). */
  readonly inWorker: boolean;
  send(request: ImportRequest, transfer: Transferable[]): void;
  onReply(listener: (reply: ImportReply) => void): void;
  stop(): void;
};

/** Where the gazetteer text comes from when imports run on the page (tests give the file's text). */
let pageFetchText: ((url: string) => Promise<string>) | undefined;
export function setPageGazetteerSource(fetchText: ((url: string) => Promise<string>) | undefined): void {
  pageFetchText = fetchText;
}

function workerTransport(): Transport {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  let listener: (reply: ImportReply) => void = () => undefined;
  // A finished import arrives in parts (one short task each on this thread), then whole from here on.
  const join = partJoiner();
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    const reply = join(event.data);
    if (reply) listener(reply);
  };
  worker.onerror = (event) => listener({ type: 'error', error: event.message || 'worker failed' });
  return {
    inWorker: true,
    send: (request, transfer) => worker.postMessage(request, transfer),
    onReply: (l) => {
      listener = l;
    },
    stop: () => worker.terminate(),
  };
}

/** Without workers (tests, very old browsers) the same code runs on the page, loaded on demand. */
function pageTransport(): Transport {
  let listener: (reply: ImportReply) => void = () => undefined;
  let stopped = false;
  return {
    inWorker: false,
    send: (request) => {
      // Only imports run on the page; saved imports are read and written by the page's own storage.
      const post = (reply: ImportReply) => !stopped && listener(reply);
      if (request.type === 'kml-geojson')
        void import('./import-run.ts').then(({ handleKmlRequest }) => handleKmlRequest(request, post));
      if (request.type !== 'preview' && request.type !== 'import') return;
      void import('./import-run.ts').then(({ handleImportRequest }) =>
        handleImportRequest(request, post, pageFetchText),
      );
    },
    onReply: (l) => {
      listener = l;
    },
    stop: () => {
      stopped = true;
    },
  };
}

/** Opens a session in a Web Worker when the browser has them. */
export function createImportSession(): ImportSession {
  const transport = typeof Worker === 'undefined' ? pageTransport() : workerTransport();
  let reject: ((error: Error) => void) | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    transport.stop();
  };
  const call = <T>(
    request: ImportRequest,
    transfer: Transferable[],
    onReply: (reply: ImportReply, resolve: (value: T) => void) => void,
  ) =>
    new Promise<T>((resolve, rejectCall) => {
      reject = rejectCall;
      transport.onReply((reply) => {
        if (reply.type === 'error') rejectCall(new Error(reply.error));
        else onReply(reply, resolve);
      });
      transport.send(request, transfer);
    });
  return {
    kmlAsGeoJson: (bytes) => {
      const copy = bytes.slice();
      return call<KmlAsGeoJson | null>(
        { type: 'kml-geojson', bytes: copy },
        [copy.buffer],
        (reply, resolve) => {
          if (reply.type === 'kml-geojson') resolve(reply.converted);
        },
      );
    },
    preview: (bytes, fileName, encoding, gazetteerUrl) =>
      // A copy goes: the original stays here for another preview (a different encoding) and the import.
      call<ImportPreview>(
        {
          type: 'preview',
          bytes: bytes.slice(),
          fileName,
          ...(encoding ? { encoding } : {}),
          ...(gazetteerUrl ? { gazetteerUrl } : {}),
        },
        [],
        (reply, resolve) => {
          if (reply.type === 'preview') resolve(reply.preview);
        },
      ),
    run: (bytes, defaults, choices, config, landing, onProgress) => {
      const copy = bytes.slice();
      return call<LandedImport>(
        { type: 'import', bytes: copy, defaults, choices, config, landing },
        [copy.buffer],
        (reply, resolve) => {
          if (reply.type === 'progress') onProgress(reply.phase, reply.done, reply.total);
          if (reply.type === 'done') resolve(reply.landed);
        },
      );
    },
    workerCopy: () =>
      transport.inWorker
        ? {
            database: IMPORTED_FILE_PREFIX,
            // A stopped worker would never answer: the page writes instead.
            write: () =>
              stopped
                ? Promise.reject(new ImportCancelled())
                : call<void>({ type: 'persist' }, [], (reply, resolve) => {
                    if (reply.type === 'persisted') resolve();
                  }),
            release: stop,
          }
        : null,
    cancel: () => {
      stop();
      reject?.(new ImportCancelled());
    },
    close: stop,
  };
}

/**
 * Reads kept files in an import worker: their JSON is parsed there, and they come over in parts, so the page never
 * spends one long task on 100,000 records. Rejects where workers cannot read them.
 */
export function loadSavedImports(
  ids: readonly string[],
  config: DatasetConfig,
  manifestUrl?: string,
): Promise<(StoredDataset & { readonly indexed: Dataset })[]> {
  const transport = workerTransport();
  const datasets: (StoredDataset & { readonly indexed: Dataset })[] = [];
  return new Promise((resolve, reject) => {
    transport.onReply((reply) => {
      if (reply.type === 'done') {
        const { dataset, resources } = reply.landed;
        datasets.push({ ...storedDataset(dataset, resources), indexed: landedRecords(reply.landed, config) });
      }
      if (reply.type === 'saved' || reply.type === 'error') transport.stop();
      if (reply.type === 'saved') resolve(datasets);
      if (reply.type === 'error') reject(new Error(reply.error));
    });
    transport.send({ type: 'load-saved', ids, ...(manifestUrl ? { manifestUrl } : {}) }, []);
  });
}

/** The request about kept files a worker answers, and the type of its answer. */
type KeptFileRequest = Extract<ImportRequest, { type: 'put-saved' | 'read-saved' | 'move-old' }>;
type KeptFileReply = Extract<ImportReply, { type: 'persisted' | 'read' | 'moved' }>;

/**
 * Asks a worker of its own to write, read or move kept files (their documents load Yjs and the bytes there, not on
 * the page); the worker stops once it answered. Rejects with the worker's error.
 */
export function askKeptFiles<R extends KeptFileReply>(
  request: KeptFileRequest,
  answer: R['type'],
): Promise<R> {
  const transport = workerTransport();
  return new Promise((resolve, reject) => {
    transport.onReply((reply) => {
      if (reply.type === 'error') {
        transport.stop();
        reject(new Error(reply.error));
      } else if (reply.type === answer) {
        transport.stop();
        resolve(reply as R);
      }
    });
    transport.send(request, []);
  });
}
