import type { Resource } from '../domain/model/resource.ts';
import { EditActions } from '../features/edit/edit-actions-gate.tsx';
import { SharedRecordActions } from '../features/shared-map/shared-record-actions-gate.tsx';
import { WorkshopRecordActions } from '../features/workshop/workshop-record-actions-gate.tsx';
import { useAppStore } from '../store/app-store.ts';
import { selectSharedOwner } from '../store/shared-map/shared-map-derived.ts';

/**
 * The detail panel's actions: a record of a shared map is changed in its document (this browser's own
 * corrections would only hide it from the others); any other record through the office's local edits, offered
 * only inside the office workspace. A resident sees none of them: their fix is a correction report.
 */
export function RecordActions({ resource }: { resource: Resource }) {
  const shared = useAppStore((s) => selectSharedOwner(s, resource.id) !== null);
  const office = useAppStore((s) => s.officeWorkspace);
  return (
    <>
      {shared && <SharedRecordActions resource={resource} />}
      <WorkshopRecordActions resource={resource} />
      {!shared && office && <EditActions resource={resource} />}
    </>
  );
}
