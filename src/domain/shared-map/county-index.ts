import * as Y from 'yjs';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { initSharedDoc, ROOTS } from './schema.ts';

/** The kinds of member organisation a county invites. */
export const MEMBER_KINDS = ['association', 'township-office', 'welfare-center'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** A member organisation as the county index lists it, with the document it owns. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly kind: MemberKind;
  readonly document: string;
}

/** A version the office published for residents. */
export interface PublishedVersion {
  readonly version: number;
  readonly at: string;
  readonly by: string;
  readonly recordCount: number;
}

/** What the county index holds, as plain values. */
export interface CountyIndex {
  readonly members: Member[];
  readonly categories: CategoryConfig[];
  readonly serviceTags: ServiceTagConfig[];
  readonly versions: PublishedVersion[];
}

/** Starts a county's index document with the configuration its map uses. */
export function initCountyIndex(
  doc: Y.Doc,
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): void {
  doc.transact(() => {
    initSharedDoc(doc, 'index');
    const cats = doc.getArray(ROOTS.categories);
    if (cats.length === 0) cats.push(categories.map((c) => structuredClone(c)));
    const tags = doc.getArray(ROOTS.serviceTags);
    if (tags.length === 0) tags.push(serviceTags.map((t) => structuredClone(t)));
  });
}

/** Lists a member in the index (or updates its name and kind). */
export function putMember(doc: Y.Doc, member: Member): void {
  doc.transact(() => {
    const entry = new Y.Map<string>();
    entry.set('name', member.name);
    entry.set('kind', member.kind);
    entry.set('document', member.document);
    doc.getMap(ROOTS.members).set(member.id, entry);
  });
}

/** Lists every given member the index lacks or lists differently (the server's register is the reference). */
export function syncMembers(doc: Y.Doc, members: readonly Member[]): number {
  const listed = new Map(readCountyIndex(doc).members.map((m) => [m.id, m]));
  const changed = members.filter((m) => {
    const l = listed.get(m.id);
    return !l || l.name !== m.name || l.kind !== m.kind || l.document !== m.document;
  });
  if (changed.length > 0) {
    doc.transact(() => {
      for (const m of changed) putMember(doc, m);
    });
  }
  return changed.length;
}

/** Records a published version in the index. */
export function addPublishedVersion(doc: Y.Doc, version: PublishedVersion): void {
  doc.getArray(ROOTS.versions).push([{ ...version }]);
}

/** The next version number to publish. */
export function nextVersion(doc: Y.Doc): number {
  return readCountyIndex(doc).versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
}

/** Reads the index; entries a peer malformed are left out, never thrown on. */
export function readCountyIndex(doc: Y.Doc): CountyIndex {
  const members: Member[] = [];
  for (const [id, value] of doc.getMap(ROOTS.members).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const name = value.get('name');
    const kind = value.get('kind');
    const document = value.get('document');
    if (typeof name !== 'string' || typeof document !== 'string') continue;
    if (!(MEMBER_KINDS as readonly unknown[]).includes(kind)) continue;
    members.push({ id, name, kind: kind as MemberKind, document });
  }
  const versions = doc
    .getArray(ROOTS.versions)
    .toArray()
    .filter((v): v is PublishedVersion => {
      const o = v as Partial<PublishedVersion> | null;
      return !!o && typeof o.version === 'number' && typeof o.at === 'string' && typeof o.by === 'string';
    });
  const configs = <T extends { id: unknown }>(name: string) =>
    doc
      .getArray(name)
      .toArray()
      .filter((c): c is T => !!c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string');
  return {
    members,
    categories: configs<CategoryConfig>(ROOTS.categories),
    serviceTags: configs<ServiceTagConfig>(ROOTS.serviceTags),
    versions,
  };
}
