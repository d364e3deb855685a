import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';

/** Switches between zh-TW and English; the choice goes into the URL and is remembered. */
export function LanguageSwitch() {
  const { t, language } = useTranslation();
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <button
      type="button"
      className="button-secondary language-switch"
      lang={language === 'en' ? 'zh-TW' : 'en'}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLanguage(language === 'en' ? 'zh-TW' : 'en')}
    >
      {t('lang.switch')}
    </button>
  );
}
