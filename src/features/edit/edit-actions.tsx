import './edit.css';
import type { Resource } from '../../domain/model/resource.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** In the detail panel: correct the record's fields, move its marker, or place it when it has no position. */
export function EditActions({ resource }: { resource: Resource }) {
  const { t } = useOfficeTranslation();
  const startEditing = useAppStore((s) => s.startEditing);
  const startMoving = useAppStore((s) => s.startMoving);
  const startPlacing = useAppStore((s) => s.startPlacing);
  const moving = useAppStore((s) => s.movingId === resource.id);
  const edited = useAppStore((s) => resource.id in s.officeEdits);
  return (
    <div className="edit-actions">
      {edited && (
        <p className="badge badge-edited">{t('edit.edited', { date: resource.lastVerified ?? '' })}</p>
      )}
      <button type="button" className="button-secondary" onClick={() => startEditing(resource.id)}>
        {t('edit.open')}
      </button>
      {resource.position ? (
        <button
          type="button"
          className="button-secondary"
          aria-pressed={moving}
          onClick={() => startMoving(moving ? null : resource.id)}
        >
          {moving ? t('edit.moveDone') : t('edit.move')}
        </button>
      ) : (
        <button type="button" className="button-secondary" onClick={() => startPlacing(resource.id)}>
          {t('import.place')}
        </button>
      )}
    </div>
  );
}
