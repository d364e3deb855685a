import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Asks for full screen; browsers refuse without a click, and that is fine: the layout fills the window anyway. */
export function requestFullScreen() {
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === 'function') {
    root.requestFullscreen().catch(() => undefined);
  }
}

/** Leaves full screen if the page holds it. */
export function leaveFullScreen() {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => undefined);
  }
}

/** Enters or leaves the projector view (full screen, large type, high contrast). */
export function PresentationButton() {
  const { t } = useTranslation();
  const presenting = useAppStore((s) => s.presenting);
  const setPresenting = useAppStore((s) => s.setPresenting);
  return (
    <button
      type="button"
      className="button-secondary keep-in-presentation"
      aria-keyshortcuts="P"
      onClick={() => {
        if (presenting) leaveFullScreen();
        else requestFullScreen();
        setPresenting(!presenting);
      }}
    >
      {presenting ? t('presentation.exit') : t('presentation.enter')}
    </button>
  );
}
