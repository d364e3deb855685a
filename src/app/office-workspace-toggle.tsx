import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { setOfficeWorkspace } from './office-workspace.ts';

/** The explicit way into the office workspace (公所工作區): a header tool, pressed while inside it. */
export function OfficeWorkspaceToggle() {
  const { t } = useTranslation();
  const on = useAppStore((s) => s.officeWorkspace);
  return (
    <button
      type="button"
      className="button-secondary"
      aria-pressed={on}
      onClick={() => setOfficeWorkspace(!on)}
    >
      {t('office.toggle')}
    </button>
  );
}

/** While in the office workspace, a line under the header says so and offers the way back. */
export function OfficeWorkspaceNotice() {
  const { t } = useTranslation();
  const on = useAppStore((s) => s.officeWorkspace);
  if (!on) return null;
  return (
    <section className="office-notice" aria-label={t('office.toggle')}>
      <p>{t('office.banner')}</p>
      <button type="button" className="button-secondary" onClick={() => setOfficeWorkspace(false)}>
        {t('office.leave')}
      </button>
    </section>
  );
}
