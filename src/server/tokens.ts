import { createHash, randomBytes } from 'node:crypto';

/** A new link token: 256 random bits, base64url (43 characters), for a link's fragment or a header. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a token: its SHA-256, so that a copy of the database opens no document. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of one of our tokens (checked before hashing anything a client sends). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
