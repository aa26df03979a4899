import { Form, Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatCpdHours, formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { searchCertificates } from '#modules/certificates/admin-certificates.ts'
import type { Route } from './+types/admin.certificates._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Certificates | Admin | Circle',
		'Every certificate Circle has issued: find one by number, learner or course, revoke or reissue it.',
		NOINDEX,
	)

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
	return (
		<Container className="py-10">
			<h1 className="text-3xl font-bold text-stone-900">Certificates</h1>
			<p className="mt-2 max-w-prose text-stone-700">
				Find a certificate by its number, or by the learner’s name or email address, to revoke, reinstate or re-issue
				it.
			</p>
			<Form method="get" role="search" aria-label="Certificates" className="mt-6 flex flex-wrap items-end gap-3">
				<div className="w-full max-w-md">
					<label htmlFor="certificate-search" className="block font-semibold text-stone-900">
						Certificate number, name or email
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
				<Button type="submit">Search</Button>
			</Form>

			<p role="status" className="mt-6 text-stone-700">
				{q
					? `${certificates.length} ${certificates.length === 1 ? 'certificate matches' : 'certificates match'} “${q}”.`
					: `The ${certificates.length} most recent certificates.`}
			</p>
			{certificates.length ? (
				<div className="mt-3 relative overflow-x-auto rounded-2xl border border-stone-200 bg-white">
					<table className="w-full min-w-[48rem] text-left text-sm">
						<caption className="sr-only">Certificates{q ? ` matching “${q}”` : ''}</caption>
						<thead className="bg-stone-50 text-stone-700">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									Number
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Learner
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Course
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Issued
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Status
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
											Version {c.versionNumber} · {formatCpdHours(c.cpdMinutes)}
										</span>
									</td>
									<td className="px-4 py-3 whitespace-nowrap text-stone-800">{formatDate(c.issuedAt)}</td>
									<td className="px-4 py-3">
										{c.revokedAt ? (
											<Badge tone="accent">Revoked {formatDate(c.revokedAt)}</Badge>
										) : (
											<Badge tone="success">Valid</Badge>
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
