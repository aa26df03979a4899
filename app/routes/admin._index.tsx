import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { dateTimeFormat } from '#modules/i18n/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getAdminOverview } from '#modules/admin/get-admin-overview.ts'
import { AdminPage, linkClasses } from './admin/admin-ui.tsx'
import type { Route } from './+types/admin._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('overview.meta.title', { ns: 'admin' }), t('overview.meta.description', { ns: 'admin' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const o = await getAdminOverview({ actorId: admin.id })
	return { monthStart: o.monthStart.toISOString(), figures: o }
}

export default function AdminOverviewRoute({ loaderData }: Route.ComponentProps) {
	const { monthStart, figures: f } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	const month = dateTimeFormat(format.language, {
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/London',
	}).format(new Date(monthStart))
	const number = { format: (value: number) => format.number(value) }
	const cards: Array<{ label: string; value: string; note?: string; to: string; linkText: string }> = [
		{
			label: t('overview.users'),
			value: number.format(f.users),
			to: '/admin/users',
			linkText: t('overview.manageUsers'),
		},
		{
			label: t('overview.activeLearners'),
			value: number.format(f.activeLearners),
			to: '/admin/users',
			linkText: t('overview.seeUsers'),
		},
		{
			label: t('overview.organisations'),
			value: number.format(f.organisations),
			to: '/admin/organisations',
			linkText: t('overview.seeOrganisations'),
		},
		{
			label: t('overview.coursesPublished'),
			value: number.format(f.coursesPublished),
			to: '/courses',
			linkText: t('overview.seeCatalogue'),
		},
		{
			label: t('overview.enrolments'),
			value: number.format(f.enrolments),
			to: '/admin/users',
			linkText: t('overview.seeUsers'),
		},
		{
			label: t('overview.completions', { month }),
			value: number.format(f.completionsThisMonth),
			to: '/admin/certificates',
			linkText: t('overview.seeCertificates'),
		},
		{
			label: t('overview.ordersPaid', { month }),
			value: number.format(f.ordersPaidThisMonth),
			note: t('overview.revenue', { amount: format.price(f.revenueThisMonthPence) }),
			to: '/admin/orders?status=PAID',
			linkText: t('overview.seePaidOrders'),
		},
		{
			label: t('overview.openEnquiries'),
			value: number.format(f.openEnquiries),
			to: '/admin/enquiries',
			linkText: t('overview.answerEnquiries'),
		},
	]
	return (
		<AdminPage title={t('overview.title')} intro={t('overview.intro')}>
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
