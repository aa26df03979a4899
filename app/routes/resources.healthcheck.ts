import { pingDatabase } from '#modules/db/sql.ts'

/** For load balancers and the test runner: 200 once the app can reach its database. */
export async function loader() {
	try {
		await pingDatabase()
		return new Response('OK', { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return new Response('Database unavailable', { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
