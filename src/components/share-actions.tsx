import './share-actions.css';
import { useId, useState } from 'react';
import { lineShareUrl } from '../domain/link/share-links.ts';
import { useTranslation } from '../i18n/use-translation.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Share a link: the phone's share sheet where the browser has one (Web Share API), otherwise copy the link;
 * and always a LINE link, as LINE is how most people in Taiwan pass things on.
 */
export function ShareActions({ title, url, label }: { title: string; url: string; label: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const statusId = useId();
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const share = async () => {
    if (canShare) {
      try {
        await navigator.share({ title, text: title, url });
        return;
      } catch (error) {
        // The person closed the share sheet: nothing to do. Anything else falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div className="share-actions">
      <button type="button" className="button-secondary" onClick={share} aria-describedby={statusId}>
        {canShare ? label : t('nearby.copyLink')}
      </button>
      <a
        className="button-secondary share-line"
        href={lineShareUrl(title, url)}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t('nearby.shareLine')}
      </a>
      <p id={statusId} className="share-status" role="status">
        {copy === 'copied' && t('nearby.copied')}
        {copy === 'failed' && t('nearby.copyFailed')}
      </p>
      {copy === 'failed' && (
        <input
          className="share-fallback"
          readOnly
          value={url}
          aria-label={t('nearby.shareLink')}
          onFocus={(e) => e.target.select()}
        />
      )}
    </div>
  );
}
