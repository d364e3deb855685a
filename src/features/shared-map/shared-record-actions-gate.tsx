import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import type { Resource } from '../../domain/model/resource.ts';

const actions = officePart(() =>
  import('./shared-record-actions.tsx').then((m) => ({ default: m.SharedRecordActions })),
);

/** Who keeps a shared record and its edit, loaded when a record of a shared map is first opened. */
export function SharedRecordActions({ resource }: { resource: Resource }) {
  const [Actions, retry] = useLazyPart(actions);
  return (
    <WhenOpen open onRetry={retry}>
      <Actions resource={resource} />
    </WhenOpen>
  );
}
