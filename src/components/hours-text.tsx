import { type DaySpan, type HoursRule, hoursInWords } from '../domain/query/hours-in-words.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/**
 * Opening hours in words, in the page's language: "Mo-Fr 10:30-14:00,16:30-20:00" → 週一至週五 10:30–14:00、16:30–20:00
 * / Mon–Fri 10:30–14:00, 16:30–20:00 / Thứ Hai đến Thứ Sáu …. A text the words cannot say is shown as written.
 */
export function HoursText({ hours }: { hours: string }) {
  const { t } = useTranslation();
  const words = hoursInWords(hours);
  if (!words) return <>{hours}</>;
  if (words.kind === 'always') return <>{t('hours.always')}</>;
  const span = (s: DaySpan) => {
    if (s === 'PH') return t('hours.day.PH');
    const from = t(`hours.day.${s.from}`);
    return s.from === s.to ? from : t('hours.dayRange', { from, to: t(`hours.day.${s.to}`) });
  };
  const rule = (r: HoursRule) =>
    t('hours.rule', {
      days: r.days === 'every' ? t('hours.everyDay') : r.days.map(span).join(t('hours.daySep')),
      times:
        r.times === 'closed'
          ? t('hours.closed')
          : r.times.map((x) => `${x.from}–${x.to}`).join(t('hours.timeSep')),
    });
  return <>{words.rules.map(rule).join(t('hours.ruleSep'))}</>;
}
