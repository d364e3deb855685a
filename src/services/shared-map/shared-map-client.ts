import type { Resource } from '../../domain/model/resource.ts';
import type { HistoryEntry } from '../../domain/shared-map/record-history.ts';
import type { ChangeStamp } from '../../domain/shared-map/schema.ts';
import type {
  SharedContextSource,
  SharedMapListener,
  SharedMapReply,
  SharedMapRequest,
} from './shared-map-protocol.ts';

export type {
  DocAccess,
  DocConnection,
  DocStatus,
  SharedMapListener,
  SharedRefusal,
  UndoSteps,
} from './shared-map-protocol.ts';

export interface SharedMapClientOptions {
  readonly wsUrl: string;
  readonly token: string;
  /** What the worker builds the validation context from (the app's categories, tags and gazetteer). */
  readonly context: SharedContextSource;
  readonly listener: SharedMapListener;
  /** Keep each document in IndexedDB. */
  readonly persist: boolean;
}

/**
 * The page's side of the shared map: the documents, their connection and IndexedDB copies live in a worker
 * (shared-map-worker.ts), so that the page's garbage collector never walks a 100,000-record Yjs document. This
 * client sends what the person does and passes on, to the listener, the validated records and states the worker
 * reports. A record's history is asked for and arrives later.
 */
export class SharedMapClient {
  private readonly worker: Worker;
  /** A document's records arriving in parts (see SharedMapReply 'records-part'), until 'records-all'. */
  private readonly arriving = new Map<string, Resource[]>();
  private readonly histories = new Map<number, (versions: HistoryEntry[]) => void>();
  private nextAsk = 1;
  private ended = false;
  // The window knows first when the network is gone: the worker is told. Its own `offline`/`online` events are not
  // to be relied on (Chromium 156 with the network emulated offline does not fire them in a worker, though its
  // navigator.onLine changes), and a socket that was open stays open until told.
  private readonly onOffline = () => this.send({ type: 'offline' });
  private readonly onOnline = () => this.send({ type: 'online' });

  constructor(private readonly options: SharedMapClientOptions) {
    this.worker = new Worker(new URL('./shared-map-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<SharedMapReply>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      console.error(`共生資源地圖: the shared map's worker failed (${event.message})`);
    };
    const { wsUrl, token, context, persist } = options;
    this.send({ type: 'start', wsUrl, token, context, persist });
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  /** Opens a document (again: nothing happens). */
  open(document: string): void {
    this.send({ type: 'open', document });
  }

  /** Writes a record into a document (the server refuses it where this link may only read). */
  write(document: string, resource: Resource, stamp: ChangeStamp): void {
    this.send({ type: 'write', document, resource, stamp });
  }

  /** The office's upload of today's records into the county's document (noted there as the default data). */
  uploadDefaultData(document: string, resources: readonly Resource[], stamp: ChangeStamp): void {
    this.send({ type: 'upload-default-data', document, resources, stamp });
  }

  remove(document: string, id: string, stamp: ChangeStamp): void {
    this.send({ type: 'remove', document, id, stamp });
  }

  /** A record's versions in a document, oldest first (none once the client has stopped). */
  history(document: string, id: string): Promise<HistoryEntry[]> {
    if (this.ended) return Promise.resolve([]);
    const ask = this.nextAsk++;
    return new Promise((resolve) => {
      this.histories.set(ask, resolve);
      this.send({ type: 'history', ask, document, id });
    });
  }

  /** Puts an older version of a record back (as a new version). */
  restore(document: string, version: HistoryEntry, stamp: ChangeStamp): void {
    this.send({ type: 'restore', document, version, stamp });
  }

  /** Adds a workshop table's proposal (a participant's link may do nothing else). */
  propose(document: string, resource: Resource, table: string): void {
    this.send({ type: 'propose', document, resource, table });
  }

  /** The facilitator's decision on a proposal. */
  decide(document: string, proposalId: string, status: 'approved' | 'rejected'): void {
    this.send({ type: 'decide', document, proposalId, status });
  }

  /** Takes back this device's last own change (in whichever document it was), keeping every peer's change. */
  undo(stamp: ChangeStamp): void {
    this.send({ type: 'undo', stamp });
  }

  /** Makes the last undone change again. */
  redo(stamp: ChangeStamp): void {
    this.send({ type: 'redo', stamp });
  }

  /** Closes every document and the socket; `forget` also removes the local copies. The worker ends after. */
  stop(forget: boolean): void {
    this.send({ type: 'stop', forget });
  }

  private send(request: SharedMapRequest): void {
    if (!this.ended) this.worker.postMessage(request);
  }

  private receive(reply: SharedMapReply): void {
    const { listener } = this.options;
    switch (reply.type) {
      case 'records-part': {
        const records = this.arriving.get(reply.document) ?? [];
        for (const r of JSON.parse(reply.json) as Resource[]) records.push(r);
        this.arriving.set(reply.document, records);
        return;
      }
      case 'records-all': {
        const all = this.arriving.get(reply.document) ?? [];
        this.arriving.delete(reply.document);
        if (all.length !== reply.count)
          console.error(`共生資源地圖: ${all.length} of ${reply.count} records of ${reply.document} arrived`);
        listener.records(reply.document, { all });
        return;
      }
      case 'records-changed':
        // When a remote change reached the page (the benchmark times it: its WebSocket is in the worker).
        performance.mark('crm:shared-change');
        listener.records(reply.document, reply.changes);
        return;
      case 'status':
        listener.status(reply.document, reply.status);
        return;
      case 'refused':
        listener.refused(reply.document, reply.reason);
        return;
      case 'index':
        listener.index(reply.document, reply.index);
        return;
      case 'default-data':
        listener.defaultData(reply.document, reply.mark);
        return;
      case 'proposals':
        listener.proposals(reply.document, reply.proposals);
        return;
      case 'undo':
        listener.undo(reply.steps);
        return;
      case 'history':
        this.histories.get(reply.ask)?.(reply.versions);
        this.histories.delete(reply.ask);
        return;
      case 'stopped':
        this.end();
        return;
      case 'malformed':
        console.error(`共生資源地圖: the shared map's worker refused a request: ${reply.problem}`);
        return;
    }
  }

  /** The worker has closed everything: it ends, and histories still asked for are answered empty. */
  private end(): void {
    this.ended = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.worker.terminate();
    for (const resolve of this.histories.values()) resolve([]);
    this.histories.clear();
  }
}
