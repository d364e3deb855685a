import { useMemo } from 'react';
import type { TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import { briefedLinkRecords } from '../../domain/publish/ai-context-pack.ts';
import { useBriefingTranslation } from '../../i18n/briefing/briefing-translate.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset } from '../../store/data/derived.ts';
import { selectLinkHostById } from '../../store/import/data-link-derived.ts';

/**
 * The briefing head's note when the township's figures count records a `?data=` link brought: how many, from
 * which host, and that they are unofficial and unchecked (the same count as the AI pack's). Nothing otherwise.
 */
export function BriefingLinkNote({ briefing }: { briefing: TownshipBriefing }) {
  const { tb, language } = useBriefingTranslation();
  const { resources } = useAppStore(selectDataset);
  const linkHosts = useAppStore(selectLinkHostById);
  const link = useMemo(
    () => briefedLinkRecords(resources, linkHosts, briefing),
    [resources, linkHosts, briefing],
  );
  if (link.count === 0) return null;
  return (
    <p className="briefing-link-note" role="note">
      {tb('briefing.linkNote', {
        total: formatNumber(language, briefing.total),
        count: formatNumber(language, link.count),
        host: link.hosts.join(tb('briefing.listSeparator')),
      })}
    </p>
  );
}

/** After a record's name: 非官方資料（來自 host） when a link brought it (`host`), nothing for the map's own. */
export function BriefingLinkMark({ host }: { host: string | undefined }) {
  const { tb } = useBriefingTranslation();
  if (host === undefined) return null;
  return <span className="briefing-link-mark">{tb('briefing.linkMark', { host })}</span>;
}
