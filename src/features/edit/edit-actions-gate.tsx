import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import type { Resource } from '../../domain/model/resource.ts';

const actions = officePart(() => import('./edit-actions.tsx').then((m) => ({ default: m.EditActions })));

/** The office's corrections of the record open in the detail (inside the office workspace), loaded when first shown. */
export function EditActions({ resource }: { resource: Resource }) {
  const [Actions, retry] = useLazyPart(actions);
  return (
    <WhenOpen open onRetry={retry}>
      <Actions resource={resource} />
    </WhenOpen>
  );
}
