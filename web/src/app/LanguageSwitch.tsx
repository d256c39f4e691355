import { SegmentedControl } from '@mantine/core';
import type { Locale } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from './i18n';
import { useLanguageSwitch } from './session';

/** FR / EN switch; when signed in, the account's locale follows the choice. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const switchLanguage = useLanguageSwitch();
  return (
    <SegmentedControl
      role="radiogroup"
      aria-label={t('header.language')}
      size="xs"
      value={currentLanguage()}
      onChange={(value) => {
        const language = LANGUAGES.find((l) => l === value);
        if (language) void switchLanguage(language);
      }}
      data={LANGUAGES.map((language: Locale) => ({
        value: language,
        label: <span lang={language}>{language.toUpperCase()}</span>,
      }))}
    />
  );
}
