import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { selectEditingResource } from '../../store/data/derived.ts';

const form = officePart(() => import('./edit-form.tsx').then((m) => ({ default: m.EditForm })));

/** The record open for correction, in a form; saving is an undoable edit that survives reloads. */
export function EditForm() {
  const resource = useAppStore(selectEditingResource);
  const startEditing = useAppStore((s) => s.startEditing);
  const [Form, retry] = useLazyPart(form);
  return (
    <WhenOpen open={resource !== null} onRetry={retry} onClose={() => startEditing(null)}>
      {resource && <Form key={resource.id} resource={resource} />}
    </WhenOpen>
  );
}
