import type { SharedLink } from '../../domain/link/shared-link.ts';
import type { GrantInfo } from '../../services/shared-map/office-api.ts';

/** What the page keeps of a link between visits (localStorage), so that a reload offline opens the map again. */
export interface SavedLink {
  readonly version: 1;
  readonly link: SharedLink;
  readonly grant: GrantInfo | null;
}

const SAVED_LINK = 'crm-shared-link';

/** Whether the address or this browser holds a shared map's link (cheap: decides whether to load its code). */
export function hasSharedLink(hash: string): boolean {
  if (/[#&]shared=/.test(hash)) return true;
  try {
    return localStorage.getItem(SAVED_LINK) !== null;
  } catch {
    return false;
  }
}

/** The saved link, or null (none, unreadable, or of a version this page does not know). */
export function readSavedLink(): SavedLink | null {
  try {
    const value = JSON.parse(localStorage.getItem(SAVED_LINK) ?? 'null') as Partial<SavedLink> | null;
    // Version 1 is the only one so far; another is ignored rather than guessed at.
    return value?.version === 1 && value.link ? (value as SavedLink) : null;
  } catch {
    return null;
  }
}

export function saveLink(value: SavedLink): void {
  try {
    localStorage.setItem(SAVED_LINK, JSON.stringify(value));
  } catch {
    // Private mode: the link works for this visit.
  }
}

export function forgetSavedLink(): void {
  try {
    localStorage.removeItem(SAVED_LINK);
  } catch {
    // Nothing saved.
  }
}
