// Dates are formatted in shared/ so the app, the guide (Markdown, HTML, PDF) and the CLI say them alike.
export { formatLocal, formatLocalDate, formatUtc, localizeDates } from '../../../shared/i18n/dates';
