import { lazy } from 'react';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const Form = lazy(() => import('./workshop-form.tsx').then((m) => ({ default: m.WorkshopForm })));

/** The workshop's add/edit form, loaded when a facilitator first opens it: residents never download it. */
export function WorkshopForm() {
  const open = useAppStore((s) => s.workshopDraft !== null);
  return (
    <WhenOpen open={open}>
      <Form />
    </WhenOpen>
  );
}
