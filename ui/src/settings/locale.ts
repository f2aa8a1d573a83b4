// How the settings screen switches the app's language: App provides its own locale change (the
// one the top bar's switcher calls), so the whole window, the backend and the tray follow.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { setLocale, type Locale } from '../ipc';

export type ChangeLocale = (locale: Locale) => void;

/** Without App (a screen mounted alone) the choice still reaches the backend. */
export const LocaleChangeContext = createContext<ChangeLocale>((locale) => void setLocale(locale).catch(() => undefined));

export function useChangeLocale(): ChangeLocale {
  return useContext(LocaleChangeContext);
}
