import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (see @hocuspocus/server's MessageType); 8 is the last one it knows. */
const SYNC = 0;
const LAST_KNOWN_TYPE = 8;
/** y-protocols sync steps: 0 asks, 1 answers with content, 2 is an update. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** What an incoming message carries, as far as the guard needs to know. */
export interface IncomingMessageInfo {
  readonly documentName: string;
  readonly type: number;
  /** The Yjs update of a sync step 2 or update message. */
  readonly update?: Uint8Array;
  /** True for an update message, false for a sync step 2 (an answer that may hold nothing new). */
  readonly isUpdateMessage?: boolean;
}

/** Reads the head of a Hocuspocus message; throws on bytes that are not one. */
export function readMessage(data: Uint8Array): IncomingMessageInfo {
  const decoder = decoding.createDecoder(data);
  const documentName = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type > LAST_KNOWN_TYPE) throw new Error(`unknown message type ${type}`);
  if (type !== SYNC) return { documentName, type };
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { documentName, type };
  return {
    documentName,
    type,
    update: decoding.readVarUint8Array(decoder),
    isUpdateMessage: step === SYNC_UPDATE,
  };
}

/**
 * A token bucket per connection: `burst` messages at once, refilled at `perSecond`. A peer that floods the
 * server is cut off, and the others keep their share of the two cores.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one message's token; false when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
