import type { TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import { useBriefingTranslation } from '../../i18n/briefing/briefing-translate.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectLinkHosts } from '../../store/import/data-link-derived.ts';

/**
 * The briefing head's note while a `?data=` link's records are on show: the briefing counts none of them (they
 * are not official), and says how many of the township's it left out, from which host; or, when none is in the
 * township, that the link's data is not counted. Nothing without link data.
 */
export function BriefingLinkNote({ briefing }: { briefing: TownshipBriefing }) {
  const { tb, language } = useBriefingTranslation();
  const hosts = useAppStore(selectLinkHosts);
  if (hosts.length === 0) return null;
  const leftOut = briefing.linkRecordsLeftOut;
  return (
    <p className="briefing-link-note" role="note">
      {leftOut.count > 0
        ? tb('briefing.linkNote', {
            town: briefing.town,
            count: formatNumber(language, leftOut.count),
            host: leftOut.hosts.join(tb('briefing.listSeparator')),
          })
        : tb('briefing.linkNoteElsewhere', { host: hosts.join(tb('briefing.listSeparator')) })}
    </p>
  );
}
