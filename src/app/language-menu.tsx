import { LANGUAGES, languageOf } from '../domain/model/language.ts';
import { LANGUAGE_NAMES } from '../i18n/language-names.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { chooseLanguage } from './choose-language.ts';

/**
 * The language menu: a native select, so keyboards, screen readers and phones all know how to use it. Each
 * language is named in itself (and marked with its `lang`), so a person finds theirs whatever the page shows;
 * the choice goes into the URL and is remembered (see use-url-sync).
 */
export function LanguageMenu() {
  const { t, language } = useTranslation();
  return (
    <label className="language-menu">
      <span className="language-menu__label">{t('lang.menu')}</span>
      <select
        className="language-menu__select"
        value={language}
        onChange={(event) => {
          const chosen = languageOf(event.currentTarget.value);
          if (chosen) void chooseLanguage(chosen);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
