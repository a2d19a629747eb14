// The lesson catalog this page uses, validated once: the lesson actor (created in src/app) and the lesson
// panel share it, so validation runs once and both see the same lesson objects.
import { loadCatalog } from '../../lessons/catalog'

export const appCatalog = loadCatalog()
for (const error of appCatalog.errors) console.error(error)
