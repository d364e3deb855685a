import * as Y from 'yjs';
import type { ChangeStamp } from '../../src/domain/shared-map/schema.ts';
import type { WorkshopDoc } from '../../src/domain/workshop/workshop-doc.ts';
import { readWorkshopDocument } from '../../src/domain/workshop/workshop-document.ts';
import { contextFor } from './load-context.ts';

/** The context a local workshop document is read with in these tests (the app's categories and gazetteer). */
export const workshopCtx = contextFor({ file: 'local/workshop' });

/** The facilitator's stamp at a fixed time. */
export const facilitator = (name = '王小明', at = '2026-03-12T09:00:00.000Z'): ChangeStamp => ({
  org: '',
  name,
  at,
});

/** A workshop made by writing into a local document, as the store reads it back. */
export function workshopThrough(write: (doc: Y.Doc) => void): { doc: Y.Doc; workshop: WorkshopDoc } {
  const doc = new Y.Doc();
  write(doc);
  return { doc, workshop: readWorkshopDocument(doc, workshopCtx).workshop };
}
