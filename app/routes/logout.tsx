import { redirect } from 'react-router'
import { endSession } from '#app/utils/auth.server.ts'
import type { Route } from './+types/logout'

// Logging out changes state, so only POST does it (a link or a prefetch must never sign anyone out).
export async function loader() {
	throw redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	return redirect('/', { headers: { 'Set-Cookie': await endSession(request) } })
}
