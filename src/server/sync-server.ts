import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis } from '@hocuspocus/extension-redis';
import { type Extension, Server } from '@hocuspocus/server';
import {
  addPublishedVersion,
  MEMBER_KINDS,
  type Member,
  syncMembers,
} from '../domain/shared-map/county-index.ts';
import { docName, parseDocName } from '../domain/shared-map/schema.ts';
import { AccessExtension } from './access-extension.ts';
import { AdminActions } from './admin-actions.ts';
import { handleAdminRequest } from './admin-http.ts';
import { DocumentPersistence } from './document-persistence.ts';
import { type DataConfig, loadDataConfig, type PublishResult, publishSnapshot } from './publish.ts';
import { SyncStore } from './sqlite-store.ts';
import { serveStatic } from './static-files.ts';

/** How to run a sync server. Only `host`, `port` and `storeDir` are required. */
export interface SyncServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly storeDir: string;
  /** Several processes behind one address share documents through this Redis server. */
  readonly redis?: { readonly host: string; readonly port: number };
  /** The address people open (behind a proxy: https://map.example.gov.tw/); links are made from it. */
  readonly publicUrl?: string;
  /** Browser origins allowed to open a WebSocket (others get 403); clients without an Origin header pass. */
  readonly allowedOrigins?: readonly string[];
  /** The largest WebSocket message accepted, in bytes (default 16 MiB: a county's first upload). */
  readonly maxPayload?: number;
  /** Messages per connection: a burst, then a steady rate. */
  readonly rate?: { readonly burst: number; readonly perSecond: number };
  /** The built app to serve beside the API (npm start), e.g. dist/. */
  readonly staticDir?: string;
  /** Where manifest.json and the gazetteer are (for publishing); default `data`. */
  readonly dataDir?: string;
  /** One JSON object per event; default: a line on stdout. Tokens never reach it. */
  readonly log?: (event: Record<string, unknown>) => void;
  /** How often to look for grants revoked by another process (ms; default 1000). */
  readonly revocationPollMs?: number;
}

/** A running (or ready) sync server. */
export interface SyncServer {
  listen(): Promise<void>;
  close(): Promise<void>;
  /** The bound port, once listening. */
  readonly port: number;
  /** http://host:port/ as bound. */
  readonly httpUrl: string;
  /** ws://host:port/ as bound. */
  readonly wsUrl: string;
  readonly store: SyncStore;
  readonly admin: AdminActions;
  /** Closes a grant's open connections now (after revoking it). */
  closeGrant(grantId: string): void;
  publish(county: string, by: string): Promise<PublishResult>;
}

/** Resolves once a Redis connection is up, so that no document is loaded before its channel can be heard. */
function redisReady(client: Redis['pub']): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('error', reject);
  });
}

/** Creates the sync server: Hocuspocus with SQLite persistence, permissions, the office API and static files. */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const log =
    options.log ?? ((event) => console.log(JSON.stringify({ at: new Date().toISOString(), ...event })));
  const store = new SyncStore(options.storeDir);
  let port = 0;
  const httpUrl = () => `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  const publicUrl = () => options.publicUrl ?? httpUrl();
  const admin = new AdminActions(store, publicUrl);
  const access = new AccessExtension({ store, log, rate: options.rate ?? { burst: 300, perSecond: 100 } });
  let data: DataConfig | undefined;
  // The snapshot goes to SQLite and a file; the version is listed in the county's index document too, through a
  // direct connection, so that every open office device sees it.
  const publish = async (county: string, by: string) => {
    data ??= loadDataConfig(options.dataDir ?? 'data');
    const result = publishSnapshot(store, data, county, by);
    const index = await server.hocuspocus.openDirectConnection(docName('index', county), {});
    await index.transact((doc) =>
      addPublishedVersion(doc, {
        version: result.version,
        at: result.at,
        by,
        recordCount: result.recordCount,
      }),
    );
    await index.disconnect();
    log({ event: 'published', county, version: result.version, records: result.recordCount });
    return result;
  };
  const allowed = options.allowedOrigins
    ? new Set(options.allowedOrigins.map((o) => o.replace(/\/$/, '')))
    : null;

  const extensions: Extension[] = [
    access,
    new DocumentPersistence({ store, log }),
    {
      // The index lists the county's members as the register (SQLite) has them, whoever invited them.
      async afterLoadDocument({ documentName, document }) {
        const parsed = parseDocName(documentName);
        if (parsed?.kind === 'index') syncMembers(document, membersOf(parsed.id));
      },
      // A change the server makes itself (the index's member list, a published version) has no origin: no client
      // message carried it, so the access extension did not log it, and Hocuspocus stores only what a connection
      // changed. Logged here, it survives a restart or a crash; otherwise the next server would write the list
      // anew, and every device that kept the old one would send it back, refused as a write to a read-only
      // document. (A client's update has its connection as origin, another process's the Redis origin: both are
      // logged where they came in.)
      async onChange({ documentName, update, transactionOrigin }) {
        if (transactionOrigin == null) store.appendUpdate(documentName, update);
      },
      async onUpgrade({ request, socket }: { request: IncomingMessage; socket: Duplex }) {
        const origin = request.headers.origin;
        if (allowed && origin && !allowed.has(origin)) {
          log({ event: 'refused', reason: 'origin', origin: origin.slice(0, 100) });
          socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
          // An empty rejection stops Hocuspocus from handling the upgrade, without an error.
          return Promise.reject();
        }
      },
      async onRequest({ request, response }) {
        if (
          await handleAdminRequest(request, response, {
            store,
            actions: admin,
            publish,
            closeGrant,
            relistMembers,
            log,
          })
        ) {
          return Promise.reject();
        }
        if (options.staticDir && serveStatic(options.staticDir, request, response)) return Promise.reject();
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('not found');
        return Promise.reject();
      },
    },
  ];
  // ioredis's ready check sends INFO, which a connection that already subscribed refuses ("Connection in
  // subscriber mode"), and the subscription is lost: without the check, the extension subscribes once connected.
  const redis = options.redis
    ? new Redis({ ...options.redis, prefix: 'crm', options: { enableReadyCheck: false } })
    : undefined;
  if (redis) extensions.push(redis);
  const server = new Server(
    {
      name: 'community-resource-map',
      address: options.host,
      port: options.port,
      quiet: true,
      stopOnSignals: false,
      debounce: 2000,
      maxDebounce: 10_000,
      extensions,
    },
    { maxPayload: options.maxPayload ?? 16 * 1024 * 1024 },
  );
  server.webSocketServer.on('connection', (ws) => {
    // ws closes an oversized message's socket with 1009 (Message Too Big); say so in our log too.
    ws.on('error', (error) => log({ event: 'socket-error', message: error.message }));
  });

  function membersOf(county: string): Member[] {
    return store.documentsOf(county).flatMap(({ name, label, kind }) => {
      const parsed = parseDocName(name);
      const memberKind = MEMBER_KINDS.find((k) => k === kind);
      return parsed?.kind === 'org' && memberKind
        ? [{ id: parsed.id, name: label, kind: memberKind, document: name }]
        : [];
    });
  }
  /** After an invitation through the API: an open index document lists the new member at once. */
  function relistMembers(county: string) {
    const index = server.hocuspocus.documents.get(docName('index', county));
    if (index) syncMembers(index, membersOf(county));
  }

  let pollTimer: NodeJS.Timeout | undefined;
  function closeGrant(grantId: string) {
    access.closeGrant(grantId);
  }
  return {
    async listen() {
      if (redis) await Promise.all([redisReady(redis.pub), redisReady(redis.sub)]);
      await server.listen();
      port = server.address.port;
      let since = new Date().toISOString();
      pollTimer = setInterval(() => {
        const now = new Date(Date.now() - 2000).toISOString();
        access.pollRevocations(since);
        since = now;
      }, options.revocationPollMs ?? 1000);
      pollTimer.unref();
    },
    async close() {
      if (pollTimer) clearInterval(pollTimer);
      await server.destroy();
      store.close();
    },
    get port() {
      return port;
    },
    get httpUrl() {
      return httpUrl();
    },
    get wsUrl() {
      return httpUrl().replace(/^http/, 'ws');
    },
    store,
    admin,
    closeGrant,
    publish,
  };
}
