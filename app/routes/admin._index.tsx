import { Link } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatPrice } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getAdminOverview } from '#modules/admin/get-admin-overview.ts'
import { AdminPage, linkClasses } from './admin/admin-ui.tsx'
import type { Route } from './+types/admin._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Overview | Admin | Circle',
		'Circle platform administration: users, organisations, orders, certificates and enquiries at a glance.',
		NOINDEX,
	)

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const o = await getAdminOverview({ actorId: admin.id })
	return {
		month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(
			o.monthStart,
		),
		figures: o,
	}
}

const number = new Intl.NumberFormat('en-GB')

export default function AdminOverviewRoute({ loaderData }: Route.ComponentProps) {
	const { month, figures: f } = loaderData
	const cards: Array<{ label: string; value: string; note?: string; to: string; linkText: string }> = [
		{ label: 'Users', value: number.format(f.users), to: '/admin/users', linkText: 'Manage users' },
		{
			label: 'Learners active in the last 30 days',
			value: number.format(f.activeLearners),
			to: '/admin/users',
			linkText: 'See users',
		},
		{
			label: 'Organisations',
			value: number.format(f.organisations),
			to: '/admin/organisations',
			linkText: 'See organisations',
		},
		{
			label: 'Courses published',
			value: number.format(f.coursesPublished),
			to: '/courses',
			linkText: 'See the catalogue',
		},
		{ label: 'Enrolments', value: number.format(f.enrolments), to: '/admin/users', linkText: 'See users' },
		{
			label: `Completions in ${month}`,
			value: number.format(f.completionsThisMonth),
			to: '/admin/certificates',
			linkText: 'See certificates',
		},
		{
			label: `Orders paid in ${month}`,
			value: number.format(f.ordersPaidThisMonth),
			note: `${formatPrice(f.revenueThisMonthPence)} taken, less refunds`,
			to: '/admin/orders?status=PAID',
			linkText: 'See paid orders',
		},
		{
			label: 'Open enquiries',
			value: number.format(f.openEnquiries),
			to: '/admin/enquiries',
			linkText: 'Answer enquiries',
		},
	]
	return (
		<AdminPage title="Admin overview" intro="Circle at a glance. Months are UK calendar months.">
			<ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
				{cards.map((card) => (
					<li key={card.label} className="flex flex-col rounded-2xl border border-stone-200 bg-white p-5 shadow-xs">
						<p className="text-sm font-semibold text-stone-600">{card.label}</p>
						<p className="mt-2 text-3xl font-bold text-stone-900">{card.value}</p>
						{card.note ? <p className="mt-1 text-sm text-stone-700">{card.note}</p> : null}
						<p className="mt-auto pt-3 text-sm">
							<Link to={card.to} className={linkClasses}>
								{card.linkText}
							</Link>
						</p>
					</li>
				))}
			</ul>
		</AdminPage>
	)
}
