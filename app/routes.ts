import { type RouteConfig } from '@react-router/dev/routes'
import { flatRoutes } from '@react-router/fs-routes'

// File-based routes (app/routes/*): see docs/decisions/0001-react-router-v7-as-remix.md.
// Route tests live beside their routes and must never become routes themselves.
export default flatRoutes({ ignoredRouteFiles: ['**/*.test.*'] }) satisfies RouteConfig
