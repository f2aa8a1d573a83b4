// Tests render any locale synchronously: read every catalog first, as the app
// does for the one it is about to show.
import { LOCALES, loadLocale } from '../i18n';

await Promise.all(LOCALES.map(loadLocale));
