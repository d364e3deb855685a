import './chunk-error-boundary.css';
import { Component, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { Modal } from './modal.tsx';
import { reloadToNewVersion } from './reload-to-new-version.ts';

interface BoundaryProps {
  readonly children: ReactNode;
  /** Loads the part again (a new lazy component, see `useLazyPart`): offered as "try again". */
  readonly onRetry?: () => void;
  /** For a part that is a dialog: the message shows in a dialog of its own, which this closes. */
  readonly onClose?: () => void;
  /** A class for the message's box when the part holds a place in the page's layout (e.g. `map-panel`). */
  readonly className?: string;
}

/**
 * Around every part of the page loaded on demand (React.lazy). When its code cannot be loaded (after a deploy an
 * open tab asks for a file the server no longer has; a flaky network), that part alone says so — 請重新整理以取得
 * 新版本, with a reload and a retry — and the rest of the page keeps working. Without a boundary, React unmounts the
 * whole app when a lazy import fails. A part that throws for another reason says the same: a reload is the
 * person's way out either way.
 */
export class ChunkErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private readonly retry = () => {
    this.setState({ failed: false });
    this.props.onRetry?.();
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const { onRetry, onClose, className } = this.props;
    return <PartFailed onRetry={onRetry ? this.retry : undefined} onClose={onClose} className={className} />;
  }
}

interface PartFailedProps {
  readonly onRetry: (() => void) | undefined;
  readonly onClose: (() => void) | undefined;
  readonly className: string | undefined;
}

function PartFailed({ onRetry, onClose, className }: PartFailedProps) {
  const { t } = useTranslation();
  const actions = (
    <div className="part-failed__actions">
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('version.retry')}
        </button>
      )}
      <button type="button" className="button-primary" onClick={() => void reloadToNewVersion()}>
        {t('version.reload')}
      </button>
    </div>
  );
  if (onClose) {
    return (
      <Modal title={t('version.partFailedTitle')} onClose={onClose} closeLabel={t('version.close')}>
        <p role="alert">{t('version.reloadForNew')}</p>
        {actions}
      </Modal>
    );
  }
  return (
    <div className={className ? `part-failed ${className}` : 'part-failed'}>
      <div className="part-failed__box">
        <div role="alert">
          <p className="part-failed__title">{t('version.partFailedTitle')}</p>
          <p>{t('version.reloadForNew')}</p>
        </div>
        {actions}
      </div>
    </div>
  );
}
