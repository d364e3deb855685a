import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import type { Resource } from '../../domain/model/resource.ts';
import { workshopMark } from '../../domain/workshop/workshop-record.ts';
import { useAppStore } from '../../store/app-store.ts';

const actions = officePart(() =>
  import('./workshop-record-actions.tsx').then((m) => ({ default: m.WorkshopRecordActions })),
);

/** The workshop's mark and actions on the record open in the detail: loaded for a workshop record or while co-mapping. */
export function WorkshopRecordActions({ resource }: { resource: Resource }) {
  const editing = useAppStore((s) => s.workshopEditing);
  const [Actions, retry] = useLazyPart(actions);
  return (
    <WhenOpen open={editing || workshopMark(resource) !== undefined} onRetry={retry}>
      <Actions resource={resource} />
    </WhenOpen>
  );
}
