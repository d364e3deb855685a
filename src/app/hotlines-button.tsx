import { useState } from 'react';
import { HotlineLinks } from '../components/hotline-links.tsx';
import { Modal } from '../components/modal.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectResidentConfig } from '../store/nearby/nearby-selectors.ts';

/**
 * 緊急電話 in the header, on every screen (on a phone too, outside the folded tools): one tap shows every hotline
 * as a call link. A dialog: Escape closes it and focus goes back to this button.
 */
export function HotlinesButton() {
  const { t } = useTranslation();
  const hotlines = useAppStore((s) => selectResidentConfig(s).hotlines);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button-secondary hotlines-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('hotlines.open')}
      </button>
      {open && (
        <Modal title={t('nearby.hotlines')} closeLabel={t('hotlines.close')} onClose={() => setOpen(false)}>
          <p>{t('nearby.hotlinesNote')}</p>
          <HotlineLinks hotlines={hotlines} />
        </Modal>
      )}
    </>
  );
}
