import type { Proposal } from '../../domain/shared-map/proposals.ts';
import { tableMarks } from '../../domain/shared-map/proposals.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { decideSharedProposal } from '../../store/shared-map/shared-map-actions.ts';
import { tableColour } from './table-colour.ts';

const NONE: readonly Proposal[] = [];

/** The facilitator's view of one workshop: a live count per table, each in its colour, and the proposals to review. */
export function WorkshopProposals({ document }: { document: string }) {
  const { t } = useOfficeTranslation();
  const label = useAppStore((s) => s.sharedDocs[document]?.label ?? document);
  const proposals = useAppStore((s) => s.sharedProposals[document] ?? NONE);
  const marks = tableMarks(proposals);
  const markOf = new Map(marks.map((m) => [m.table, m]));
  const pending = proposals.filter((p) => p.status === 'pending');
  return (
    <section aria-label={t('shared.workshop.heading', { label })}>
      <h3>{t('shared.workshop.heading', { label })}</h3>
      {proposals.length === 0 ? (
        <p>{t('shared.workshop.none')}</p>
      ) : (
        <ul className="shared-tables" aria-label={t('shared.workshop.counts')}>
          {marks.map((m) => (
            <li key={m.table} style={{ background: tableColour(m.slot) }}>
              <span className="shared-table-letter">{m.letter}</span>
              <span>{t('shared.workshop.count', { table: m.table, count: m.count })}</span>
            </li>
          ))}
        </ul>
      )}
      {pending.length > 0 && (
        <ul className="shared-panel__links" aria-label={t('shared.workshop.pending')}>
          {pending.map((p) => {
            const name = p.resource?.name ?? t('shared.workshop.invalid');
            const mark = markOf.get(p.table);
            return (
              <li key={p.id}>
                <span>
                  <span className="shared-table-tag" style={{ background: tableColour(mark?.slot ?? 0) }}>
                    {mark?.letter} {p.table}
                  </span>{' '}
                  {name}
                </span>
                <div className="shared-panel__row">
                  {p.resource && (
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => decideSharedProposal(document, p, true)}
                    >
                      {t('shared.workshop.approve', { name })}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => decideSharedProposal(document, p, false)}
                  >
                    {t('shared.workshop.reject', { name })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
