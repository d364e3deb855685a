import './workshop.css';
import type { Resource } from '../../domain/model/resource.ts';
import { workshopMark } from '../../domain/workshop/workshop-record.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { deleteWorkshopRecord } from '../../store/workshop/workshop-actions.ts';

/**
 * In the detail panel: the workshop mark (added / edited, date, facilitator) and, while co-mapping, edit, move
 * and delete. Deleting needs no confirmation: undo brings it back.
 */
export function WorkshopRecordActions({ resource }: { resource: Resource }) {
  const { t } = useOfficeTranslation();
  const editing = useAppStore((s) => s.workshopEditing);
  const moving = useAppStore((s) => s.workshopMoving === resource.id);
  const startEdit = useAppStore((s) => s.startEdit);
  const startMove = useAppStore((s) => s.startMove);
  const mark = workshopMark(resource);
  return (
    <>
      {mark && (
        <p className="badge badge-workshop">
          {t(mark.change === 'added' ? 'workshop.badge.added' : 'workshop.badge.edited', { date: mark.date })}
          {mark.facilitator && ` · ${t('workshop.badge.by', { name: mark.facilitator })}`}
        </p>
      )}
      {editing && (
        <div className="workshop-actions">
          <button type="button" className="button-secondary" onClick={() => startEdit(resource.id)}>
            {t('workshop.edit')}
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-pressed={moving}
            onClick={() => startMove(moving ? null : resource.id)}
          >
            {moving ? t('workshop.moveCancel') : t('workshop.move')}
          </button>
          <button
            type="button"
            className="button-secondary button-danger"
            onClick={() => deleteWorkshopRecord(resource.id)}
          >
            {t('workshop.delete')}
          </button>
        </div>
      )}
    </>
  );
}
