import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { selectEditingResource } from '../../store/data/derived.ts';

const Form = lazy(() => import('./edit-form.tsx').then((m) => ({ default: m.EditForm })));

/** The record open for correction, in a form; saving is an undoable edit that survives reloads. */
export function EditForm() {
  const resource = useAppStore(selectEditingResource);
  if (!resource) return null;
  return (
    <Suspense fallback={null}>
      <Form key={resource.id} resource={resource} />
    </Suspense>
  );
}
