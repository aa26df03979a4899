export { getTeamThemes, THEMES_WINDOW_DAYS, type TeamThemes } from './get-team-themes.ts'
export { getThemesSettings, saveReflectionChoices, setThemesOptIn } from './settings.ts'
export { MIN_GROUP } from './sql.ts'
