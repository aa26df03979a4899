import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatCpdHours } from '#app/utils/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { searchCertificates } from '#modules/certificates/admin-certificates.ts'
import type { Route } from './+types/admin.certificates._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('certificates.meta.title', { ns: 'admin' }),
		t('certificates.meta.description', { ns: 'admin' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const q = new URL(request.url).searchParams.get('q')?.trim() ?? ''
	const rows = await searchCertificates({ actorId: admin.id, query: q, limit: 100 })
	return {
		q,
		certificates: rows.map((row) => ({
			code: row.code,
			learnerName: row.learnerName,
			email: row.user.email,
			courseTitle: row.courseTitle,
			versionNumber: row.versionNumber,
			cpdMinutes: row.cpdMinutes,
			issuedAt: row.issuedAt.toISOString(),
			revokedAt: row.revokedAt?.toISOString() ?? null,
		})),
	}
}

export default function AdminCertificatesRoute({ loaderData }: Route.ComponentProps) {
	const { q, certificates } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	return (
		<Container className="py-10">
			<h1 className="text-3xl font-bold text-stone-900">{t('certificates.title')}</h1>
			<p className="mt-2 max-w-prose text-stone-700">{t('certificates.intro')}</p>
			<Form
				method="get"
				role="search"
				aria-label={t('certificates.title')}
				className="mt-6 flex flex-wrap items-end gap-3"
			>
				<div className="w-full max-w-md">
					<label htmlFor="certificate-search" className="block font-semibold text-stone-900">
						{t('certificates.searchLabel')}
					</label>
					<input
						id="certificate-search"
						name="q"
						type="search"
						defaultValue={q}
						autoComplete="off"
						spellCheck={false}
						className="mt-2 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
					/>
				</div>
				<Button type="submit">{t('certificates.search')}</Button>
			</Form>

			<p role="status" className="mt-6 text-stone-700">
				{q
					? t('certificates.matching', { count: certificates.length, q })
					: t('certificates.recent', { count: certificates.length })}
			</p>
			{certificates.length ? (
				<div className="mt-3 relative overflow-x-auto rounded-2xl border border-stone-200 bg-white">
					<table className="w-full min-w-[48rem] text-left text-sm">
						<caption className="sr-only">
							{q ? t('certificates.captionMatching', { q }) : t('certificates.title')}
						</caption>
						<thead className="bg-stone-50 text-stone-700">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('certificates.columns.number')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('certificates.columns.learner')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('certificates.columns.course')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('certificates.columns.issued')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('certificates.columns.status')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-stone-200">
							{certificates.map((c) => (
								<tr key={c.code}>
									<td className="px-4 py-3 font-mono whitespace-nowrap">
										<Link
											to={`/admin/certificates/${c.code}`}
											className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
										>
											{c.code}
										</Link>
									</td>
									<td className="px-4 py-3">
										<span className="font-medium text-stone-900">{c.learnerName}</span>
										<br />
										<span className="break-all text-stone-600">{c.email}</span>
									</td>
									<td className="px-4 py-3 text-stone-800">
										{c.courseTitle}
										<br />
										<span className="text-stone-600">
											{t('certificates.version', { number: c.versionNumber })} ·{' '}
											{formatCpdHours(c.cpdMinutes, format.language)}
										</span>
									</td>
									<td className="px-4 py-3 whitespace-nowrap text-stone-800">{format.date(c.issuedAt)}</td>
									<td className="px-4 py-3">
										{c.revokedAt ? (
											<Badge tone="accent">{t('certificates.revoked', { date: format.date(c.revokedAt) })}</Badge>
										) : (
											<Badge tone="success">{t('certificates.valid')}</Badge>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
		</Container>
	)
}
