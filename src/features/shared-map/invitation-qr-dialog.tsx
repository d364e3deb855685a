import { useEffect, useRef } from 'react';
import { Modal } from '../../components/modal.tsx';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import type { SharedInvitation } from '../../store/shared-map/shared-map-slice.ts';

/** An invitation's QR code and its link as text, for the organisation to scan or copy. */
export function InvitationQrDialog({
  invitation,
  onClose,
}: {
  invitation: SharedInvitation;
  onClose: () => void;
}) {
  const { t } = useOfficeTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // The QR encoder is loaded only when a QR code is shown.
    import('qrcode')
      .then(({ toCanvas }) =>
        toCanvas(canvas, invitation.link, { errorCorrectionLevel: 'M', margin: 4, width: 320 }),
      )
      .catch(() => undefined);
  }, [invitation.link]);
  return (
    <Modal
      title={t('shared.qr.title', { label: invitation.label })}
      onClose={onClose}
      closeLabel={t('overlay.close')}
      className="shared-qr"
    >
      <p>{t('shared.qr.instructions')}</p>
      <canvas ref={canvasRef} role="img" aria-label={t('shared.qr.image', { label: invitation.label })} />
      <label>
        {t('shared.invite.link', { label: invitation.label })}
        <input readOnly value={invitation.link} />
      </label>
    </Modal>
  );
}
