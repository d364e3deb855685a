import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const form = officePart(() => import('./workshop-form.tsx').then((m) => ({ default: m.WorkshopForm })));

/** The workshop's add/edit form, loaded when a facilitator first opens it: residents never download it. */
export function WorkshopForm() {
  const open = useAppStore((s) => s.workshopDraft !== null);
  const cancelDraft = useAppStore((s) => s.cancelDraft);
  const [Form, retry] = useLazyPart(form);
  return (
    <WhenOpen open={open} onRetry={retry} onClose={cancelDraft}>
      <Form />
    </WhenOpen>
  );
}
