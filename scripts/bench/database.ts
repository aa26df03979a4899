// The benchmarks and `npm run seed:scale` use the same database as every other script.
export { openScriptDatabase as openDatabase } from '#modules/db/script-database.ts'
