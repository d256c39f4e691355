import { useTranslation } from 'react-i18next';

/** Date and number formatting in the interface language (Intl). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(language);
  return {
    date: (iso: string) => dateFormat.format(new Date(iso)),
    dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
    number: (value: number) => numberFormat.format(value),
  };
}
