import { Outlet } from 'react-router'
import { Card } from '#app/components/ui/card.tsx'

/** Pathless layout for the sign-in pages: one centred card, narrow enough to read at a glance. */
export default function AuthLayout() {
	return (
		<div className="px-4 py-10 sm:py-16">
			<Card className="mx-auto w-full max-w-md p-6 sm:p-8">
				<Outlet />
			</Card>
		</div>
	)
}
