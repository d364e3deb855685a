import type {
  beforeHandleMessagePayload,
  Connection,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName, type SharedDocKind } from '../domain/shared-map/schema.ts';
import { checkUpdate } from '../domain/shared-map/update-check.ts';
import { RateLimiter, readMessage } from './message-guard.ts';
import { type Access, decideAccess } from './permissions.ts';
import type { SyncStore } from './sqlite-store.ts';
import { hashToken, looksLikeToken } from './tokens.ts';

/** Close codes a client sees (the reason says the same in words). */
export const CLOSE = {
  invalidUpdate: { code: 4400, reason: 'invalid-update' },
  revoked: { code: 4410, reason: 'token-revoked' },
  rateLimited: { code: 4429, reason: 'rate-limited' },
  malformed: { code: 4422, reason: 'malformed-message' },
  missingState: { code: 4409, reason: 'missing-state' },
} as const;

/** What onAuthenticate decided, carried with the connection. */
interface AccessContext {
  readonly grantId: string;
  readonly access: Access;
  readonly kind: SharedDocKind;
}

/** Options of the access extension. */
export interface AccessOptions {
  readonly store: SyncStore;
  readonly log: (event: Record<string, unknown>) => void;
  readonly rate: { readonly burst: number; readonly perSecond: number };
}

/**
 * Every decision about who may do what with a document, in Hocuspocus's hooks:
 * - onAuthenticate: the token (hashed, looked up in SQLite, never logged) and the document name decide access
 *   through `decideAccess`; read access sets Hocuspocus's `connection.readOnly`, which drops writes.
 * - beforeHandleMessage: runs before Hocuspocus applies a message. Writes are checked against the schema
 *   (`checkUpdate`: known roots and fields, text only, http(s) websites, participants only add proposals) and
 *   refused — the connection is closed with a reason — before any peer sees them. Checking here, not in onChange,
 *   is the point: onChange runs after the update is applied and already broadcast, so all it could do is write a
 *   correction on top. What passes is logged to SQLite before it is applied and acknowledged. The pure read path
 *   (`readRecords`) still validates every record, for what a schema check cannot see.
 * - revocation: closes a revoked grant's connections (`closeGrant`), and `pollRevocations` finds grants revoked
 *   by another process or the command line.
 */
export class AccessExtension implements Extension {
  extensionName = 'community-resource-map-access';
  // Before every other extension (Redis has 1000): permissions are decided before anything else runs.
  priority = 2000;
  private readonly byGrant = new Map<string, Set<Connection>>();
  private readonly limiters = new WeakMap<Connection, RateLimiter>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: AccessOptions) {}

  async onAuthenticate({ token, documentName, connectionConfig, socketId }: onAuthenticatePayload) {
    const { store, log } = this.options;
    const doc = parseDocName(documentName);
    const owner = doc ? store.ownerCounty(documentName) : null;
    if (!doc || owner === null) {
      log({ event: 'refused', reason: 'unknown-document', document: documentName.slice(0, 80), socketId });
      throw { reason: 'unknown-document' };
    }
    const grant = looksLikeToken(token) ? store.grantByTokenHash(hashToken(token)) : null;
    if (!grant) {
      log({ event: 'refused', reason: 'invalid-token', document: documentName, socketId });
      throw { reason: 'invalid-token' };
    }
    const access = decideAccess(grant, doc, owner);
    if (!access) {
      log({ event: 'refused', reason: 'forbidden', document: documentName, grantId: grant.id, socketId });
      throw { reason: 'forbidden' };
    }
    connectionConfig.readOnly = access === 'read';
    log({ event: 'authenticated', document: documentName, grantId: grant.id, access, socketId });
    return { grantId: grant.id, access, kind: doc.kind } satisfies AccessContext;
  }

  async connected({ connection, context }: connectedPayload) {
    const { grantId } = context as AccessContext;
    let set = this.byGrant.get(grantId);
    if (!set) {
      set = new Set();
      this.byGrant.set(grantId, set);
    }
    set.add(connection);
    connection.onClose(() => {
      set.delete(connection);
      if (set.size === 0) this.byGrant.delete(grantId);
    });
  }

  async beforeHandleMessage({
    connection,
    document,
    documentName,
    context,
    update,
  }: beforeHandleMessagePayload) {
    const { log, store, rate } = this.options;
    const ctx = context as AccessContext;
    let limiter = this.limiters.get(connection);
    if (!limiter) {
      limiter = new RateLimiter(rate.burst, rate.perSecond);
      this.limiters.set(connection, limiter);
    }
    if (!limiter.take()) {
      log({
        event: 'refused',
        reason: CLOSE.rateLimited.reason,
        document: documentName,
        grantId: ctx.grantId,
      });
      throw CLOSE.rateLimited;
    }
    let message: ReturnType<typeof readMessage>;
    try {
      message = readMessage(update);
    } catch {
      log({ event: 'refused', reason: CLOSE.malformed.reason, document: documentName, grantId: ctx.grantId });
      throw CLOSE.malformed;
    }
    if (!message.update) return;
    if (ctx.access === 'read') {
      // Hocuspocus drops it (readOnly); say so in the log and to the client, which keeps the connection.
      if (message.isUpdateMessage || !Y.snapshotContainsUpdate(Y.snapshot(document), message.update)) {
        log({ event: 'refused', reason: 'read-only', document: documentName, grantId: ctx.grantId });
        connection.sendStateless(JSON.stringify({ type: 'refused', reason: 'read-only' }));
      }
      return;
    }
    const scope = ctx.access === 'propose' ? 'proposals-only' : 'document';
    let problem = checkUpdate(document, ctx.kind, message.update, scope);
    if (problem?.code === 'unplaced') {
      // A peer's quick succession of updates (a record, then its fields) refers to items of an update that is
      // checked but not yet applied: wait for the messages before it, then look again — and for a moment longer
      // when another process's change is still on its way through Redis. What still cannot be placed is refused:
      // Yjs would keep it pending and integrate it, unchecked, once its missing part came. The socket is closed,
      // not just the document, so that an honest provider reconnects and syncs afresh.
      await this.afterEarlierMessages(documentName);
      problem = checkUpdate(document, ctx.kind, message.update, scope);
      for (let i = 0; i < 10 && problem?.code === 'unplaced'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        problem = checkUpdate(document, ctx.kind, message.update, scope);
      }
      if (problem?.code === 'unplaced') {
        log({
          event: 'refused',
          reason: CLOSE.missingState.reason,
          document: documentName,
          grantId: ctx.grantId,
        });
        connection.webSocket.close(CLOSE.missingState.code, CLOSE.missingState.reason);
        throw CLOSE.missingState;
      }
    }
    if (problem) {
      log({
        event: 'refused',
        reason: `invalid-update:${problem.code}`,
        detail: problem.detail,
        document: documentName,
        grantId: ctx.grantId,
      });
      throw { code: CLOSE.invalidUpdate.code, reason: `${CLOSE.invalidUpdate.reason}:${problem.code}` };
    }
    // [0, 0] is the empty update every reconnecting client sends when it has nothing new.
    if (message.update.length > 2) store.appendUpdate(documentName, message.update);
  }

  /** Resolves once the messages of a document that arrived before have been applied. */
  private afterEarlierMessages(documentName: string): Promise<void> {
    const previous = this.queues.get(documentName) ?? Promise.resolve();
    const mine = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.queues.set(documentName, mine);
    return mine.then(() => {
      if (this.queues.get(documentName) === mine) this.queues.delete(documentName);
    });
  }

  /** Closes every open connection of a grant (its token was revoked). */
  closeGrant(grantId: string): void {
    const connections = this.byGrant.get(grantId);
    if (!connections) return;
    const count = connections.size;
    for (const connection of [...connections]) {
      connection.close(CLOSE.revoked);
      connection.webSocket.close(CLOSE.revoked.code, CLOSE.revoked.reason);
    }
    this.options.log({ event: 'closed-revoked', grantId, connections: count });
  }

  /** Closes the connections of grants revoked since `since` (ISO time), wherever they were revoked. */
  pollRevocations(since: string): void {
    for (const grantId of this.options.store.revokedSince(since)) this.closeGrant(grantId);
  }
}
