import type { Locale } from '@tisserand/core';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

/** The languages of the interface, French first (PRODUCT.md "Languages"). */
export const LANGUAGES: readonly Locale[] = ['fr', 'en'];
const STORAGE_KEY = 'tisserand.locale';

// Both locale files must hold every key: each one is checked against the other's shape.
const enComplete: typeof fr = en;
const frComplete: typeof en = fr;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

function readStoredLanguage(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be disabled (private mode, policies): French is the default.
    return null;
  }
}

/** True when a language was chosen on this browser (it then wins over the account's locale). */
export function hasStoredLanguage(): boolean {
  return readStoredLanguage() !== null;
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: frComplete }, en: { translation: enComplete } },
  lng: readStoredLanguage() ?? 'fr',
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyDocumentLanguage(language: string) {
  document.documentElement.lang = language;
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** The current interface language. */
export function currentLanguage(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'fr';
}

/** Switches the interface language and remembers the choice on this browser. */
export async function changeLanguage(language: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this browser; the account's locale still is when signed in.
  }
  await i18n.changeLanguage(language);
}

export default i18n;
