import './overlay.css';
import './help-overlay.css';
import { useEffect, useId, useRef } from 'react';
import { useReturnFocus } from '../../components/use-return-focus.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { SHORTCUTS } from './shortcuts.ts';

/** Lists the keyboard shortcuts (opened with ? or H). */
export function HelpOverlay() {
  const { t } = useOfficeTranslation();
  const id = useId();
  const open = useAppStore((s) => s.overlay === 'help');
  const setOverlay = useAppStore((s) => s.setOverlay);
  const closeRef = useRef<HTMLButtonElement>(null);
  useReturnFocus(open);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <div className="overlay__card help-card">
        <h2 id={`${id}-title`} className="help-card__title">
          {t('help.title')}
        </h2>
        <table className="shortcut-table">
          <caption className="visually-hidden">{t('help.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('help.keys')}</th>
              <th scope="col">{t('help.action')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <td>
                  {shortcut.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' / '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(shortcut.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="button-primary" onClick={() => setOverlay('none')}>
          {t('overlay.close')}
        </button>
      </div>
    </div>
  );
}
