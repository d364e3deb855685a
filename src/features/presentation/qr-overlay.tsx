import './overlay.css';
import './qr-overlay.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useReturnFocus } from '../../components/use-return-focus.ts';
import { displayLink, participantLink } from '../../domain/link/view-state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { searchOfView } from '../../store/filters/search-of-view.ts';

/**
 * The link participants should open: the current view, without present=1. From the store (searchOfView), as the
 * address bar will hold it: a map just moved is written there only once it is still.
 */
const currentLink = () =>
  participantLink(
    `${window.location.origin}${window.location.pathname}${searchOfView(useAppStore.getState())}`,
  );

function useParticipantLink(): string {
  const [href, setHref] = useState(currentLink);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Other parameters (near me, presentation) are written by other store subscribers; read once they have run.
    const unsubscribe = useAppStore.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setHref(currentLink()), 0);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  return href;
}

/** A QR code of the current view, large, with the link as text beside it, so phones open the same view. */
export function QrOverlay() {
  const { t } = useTranslation();
  const id = useId();
  const open = useAppStore((s) => s.overlay === 'qr');
  const setOverlay = useAppStore((s) => s.setOverlay);
  const href = useParticipantLink();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!open || !canvas) return;
    const size = Math.max(
      240,
      Math.min(760, Math.round(Math.min(window.innerHeight, window.innerWidth) * 0.62)),
    );
    // The QR encoder is loaded only when a QR code is shown, keeping it out of the initial JavaScript.
    import('qrcode')
      .then(({ toCanvas }) => toCanvas(canvas, href, { errorCorrectionLevel: 'M', margin: 4, width: size }))
      .catch(() => undefined);
  }, [open, href]);

  useReturnFocus(open);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <div className="overlay__card qr-card">
        <canvas
          ref={canvasRef}
          className="qr-code"
          role="img"
          aria-label={t('qr.imageLabel')}
          data-link={href}
        />
        <div className="qr-card__text">
          <h2 id={`${id}-title`} className="qr-card__title">
            {t('qr.title')}
          </h2>
          <p>{t('qr.instructions')}</p>
          <p className="qr-link" lang="en">
            {displayLink(href)}
          </p>
          <button ref={closeRef} type="button" className="button-primary" onClick={() => setOverlay('none')}>
            {t('overlay.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
