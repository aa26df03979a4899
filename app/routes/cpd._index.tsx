import { Form, Link, useSearchParams } from 'react-router'
import { PassportCard } from '#app/components/cpd/passport-card.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink, buttonClasses } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { REGISTRATION_BODY_LABELS } from '#modules/auth/schemas.ts'
import { formatUkDay } from '#modules/certificates/certificate-text.ts'
import { listMyCertificates } from '#modules/certificates/list-my-certificates.ts'
import { formatHours } from '#modules/portfolio/cpd-dates.ts'
import { defaultExportFormat, EXPORT_FORMAT_LABELS, EXPORT_FORMATS } from '#modules/portfolio/export-formats.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import { listMyProgrammeCertificates } from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/cpd._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'CPD portfolio | Circle',
		'Your CPD portfolio: certificates and your own activities, hours per year and per revalidation cycle, and exports for your regulator.',
	)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const [portfolio, certificates, programmeCertificates] = await Promise.all([
		getCpdPortfolio({ userId: user.id }),
		listMyCertificates({ userId: user.id, now: new Date() }),
		listMyProgrammeCertificates({ userId: user.id }),
	])
	return {
		learner: portfolio.learner,
		cycle: portfolio.cycle,
		years: portfolio.years,
		total: portfolio.total,
		entries: portfolio.entries.map((entry) => ({
			...entry,
			certificate: entry.certificate
				? { ...entry.certificate, revokedAt: entry.certificate.revokedAt?.toISOString() ?? null }
				: null,
			courseReflections: entry.courseReflections.map((r) => ({ prompt: r.prompt, text: r.text })),
		})),
		certificates: certificates.map((c) => ({
			code: c.code,
			courseTitle: c.courseTitle,
			versionNumber: c.versionNumber,
			cpdMinutes: c.cpdMinutes,
			completedAt: c.completedAt.toISOString(),
			revokedAt: c.revokedAt?.toISOString() ?? null,
			validUntil: c.validUntil ? formatUkDay(c.validUntil) : null,
			standing: c.standing,
			canRetake: c.canRetake,
			courseSlug: c.courseSlug,
		})),
		programmeCertificates: programmeCertificates.map((c) => ({
			code: c.code,
			programmeTitle: c.programmeTitle,
			courseCount: c.courseCount,
			cpdMinutes: c.cpdMinutes,
			completedAt: c.completedAt.toISOString(),
			revokedAt: c.revokedAt?.toISOString() ?? null,
		})),
	}
}

type LoaderData = Route.ComponentProps['loaderData']
type Entry = LoaderData['entries'][number]

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

const DONE: Record<string, string> = {
	added: 'The activity has been added to your portfolio.',
	saved: 'Your changes have been saved.',
	deleted: 'The activity has been deleted.',
}

export default function CpdPortfolioRoute({ loaderData }: Route.ComponentProps) {
	const { learner, cycle, entries, certificates, programmeCertificates } = loaderData
	const [searchParams] = useSearchParams()
	const done = DONE[searchParams.get('done') ?? '']
	const years = groupByYear(entries)

	return (
		<Container className="py-10 sm:py-12">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">CPD portfolio</h1>
					<p className="mt-2 max-w-prose text-lg text-stone-700">
						Your Circle courses and any other CPD you record, with your reflections, ready for{' '}
						{learner.registrationBody === 'NMC' ? 'revalidation' : 'your regulator or appraiser'}.
					</p>
				</div>
				<div className="flex flex-wrap gap-3">
					<ButtonLink to="/records" variant="secondary">
						Reflective records and revalidation
					</ButtonLink>
					<ButtonLink to="/cpd/new">Add CPD activity</ButtonLink>
				</div>
			</div>

			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}

			<div className="mt-8 grid items-start gap-6 lg:grid-cols-3">
				<CycleCard cycle={cycle} learner={learner} />
				<ExportCard registrationBody={learner.registrationBody} />
			</div>
			<PassportCard className="mt-6" />

			<div className="mt-12 grid gap-10 lg:grid-cols-3">
				<section aria-labelledby="activities-heading" className="lg:col-span-2">
					<h2 id="activities-heading" className="text-2xl font-bold text-stone-900">
						Activities
					</h2>
					{entries.length === 0 ? (
						<p className="mt-4 text-stone-700">
							Nothing here yet. When you finish a Circle course, it appears here with your reflections; you can also{' '}
							<Link to="/cpd/new" className={LINK}>
								add CPD you did elsewhere
							</Link>
							.
						</p>
					) : (
						years.map(({ year, entries: yearEntries }) => {
							const totals = loaderData.years.find((y) => y.year === year)
							return (
								<section key={year} aria-labelledby={`year-${year}`} className="mt-8">
									<h3
										id={`year-${year}`}
										className="flex flex-wrap items-baseline gap-x-3 border-b border-stone-200 pb-2"
									>
										<span className="text-xl font-bold text-stone-900">{year}</span>
										<span className="text-stone-600">
											{formatHours(totals?.minutes ?? 0)}
											{totals?.participatoryMinutes
												? `, ${formatHours(totals.participatoryMinutes)} participatory`
												: ''}
										</span>
									</h3>
									<ol className="mt-4 space-y-4">
										{yearEntries.map((entry) => (
											<EntryCard key={entry.id} entry={entry} />
										))}
									</ol>
								</section>
							)
						})
					)}
				</section>

				<aside aria-labelledby="certificates-heading">
					<h2 id="certificates-heading" className="text-2xl font-bold text-stone-900">
						Certificates
					</h2>
					{certificates.length === 0 ? (
						<p className="mt-4 text-stone-700">Your Circle certificates will appear here when you complete a course.</p>
					) : (
						<ul className="mt-4 space-y-3">
							{certificates.map((c) => (
								<li key={c.code} className="rounded-xl border border-stone-200 bg-white p-4">
									<p className="font-semibold text-stone-900">{c.courseTitle}</p>
									<p className="mt-1 text-sm text-stone-600">
										Version {c.versionNumber} · {formatHours(c.cpdMinutes)} · {formatDate(c.completedAt)}
									</p>
									<p className="mt-1 font-mono text-sm text-stone-700">{c.code}</p>
									{c.revokedAt ? (
										<Badge tone="accent" className="mt-2">
											Revoked {formatDate(c.revokedAt)}
										</Badge>
									) : c.validUntil ? (
										<p className="mt-1 text-sm text-stone-700">
											{c.standing === 'expired' ? (
												<Badge tone="accent">Expired: was valid until {c.validUntil}</Badge>
											) : (
												<>Valid until {c.validUntil}</>
											)}
										</p>
									) : null}
									{c.canRetake ? (
										<Form method="post" action={`/learn/${c.courseSlug}/retake`} className="mt-2">
											<button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
												{c.standing === 'expired' ? 'Retake to renew' : 'Renew early: retake'}
												<span className="sr-only"> {c.courseTitle}</span>
											</button>
										</Form>
									) : null}
									<p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
										<a href={`/certificates/${c.code}.pdf`} className={LINK}>
											Download PDF<span className="sr-only">: {c.courseTitle}</span>
										</a>
										<Link to={`/verify/${c.code}`} className={LINK}>
											Verification page<span className="sr-only">: {c.courseTitle}</span>
										</Link>
									</p>
								</li>
							))}
						</ul>
					)}
					{programmeCertificates.length > 0 ? (
						<section aria-labelledby="programme-certificates-heading" className="mt-10">
							<h2 id="programme-certificates-heading" className="text-2xl font-bold text-stone-900">
								Programme certificates
							</h2>
							<p className="mt-2 text-sm text-stone-700">
								Each lists the course certificates above; its hours are already counted once through them.
							</p>
							<ul className="mt-4 space-y-3">
								{programmeCertificates.map((c) => (
									<li key={c.code} className="rounded-xl border border-stone-200 bg-white p-4">
										<p className="font-semibold text-stone-900">{c.programmeTitle}</p>
										<p className="mt-1 text-sm text-stone-600">
											{c.courseCount} courses · {formatHours(c.cpdMinutes)} in them · {formatDate(c.completedAt)}
										</p>
										<p className="mt-1 font-mono text-sm text-stone-700">{c.code}</p>
										{c.revokedAt ? (
											<Badge tone="accent" className="mt-2">
												Revoked {formatDate(c.revokedAt)}
											</Badge>
										) : null}
										<p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
											<a href={`/programme-certificates/${c.code}.pdf`} className={LINK}>
												Download PDF<span className="sr-only">: {c.programmeTitle}</span>
											</a>
											<Link to={`/verify/programmes/${c.code}`} className={LINK}>
												Verification page<span className="sr-only">: {c.programmeTitle}</span>
											</Link>
										</p>
									</li>
								))}
							</ul>
						</section>
					) : null}
				</aside>
			</div>
		</Container>
	)
}

function groupByYear(entries: Entry[]) {
	const groups: Array<{ year: number; entries: Entry[] }> = []
	for (const entry of entries) {
		const year = Number(entry.date.slice(0, 4))
		const last = groups.at(-1)
		if (last?.year === year) last.entries.push(entry)
		else groups.push({ year, entries: [entry] })
	}
	return groups
}

function Progress({
	label,
	value,
	target,
	unit,
}: {
	label: string
	value: number
	target: number
	unit: 'hours' | 'records'
}) {
	const percent = Math.min(100, Math.round((value / target) * 100))
	const text =
		unit === 'hours'
			? `${formatHours(value)} of ${formatHours(target)}`
			: `${value} of ${target} ${target === 1 ? 'record' : 'records'}`
	return (
		<div className="mt-4">
			<div className="flex flex-wrap justify-between gap-2 text-sm">
				<span className="font-semibold text-stone-900">{label}</span>
				<span className="text-stone-700">{text}</span>
			</div>
			{/* The text above says the same: the bar is a picture of it. */}
			<div aria-hidden="true" className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-stone-200">
				<div
					className={`h-full rounded-full ${percent >= 100 ? 'bg-green-700' : 'bg-brand-600'}`}
					style={{ width: `${percent}%` }}
				/>
			</div>
		</div>
	)
}

function CycleCard({ cycle, learner }: { cycle: LoaderData['cycle']; learner: LoaderData['learner'] }) {
	const { progress, targets } = cycle
	return (
		<Card as="section" aria-labelledby="cycle-heading" className="p-6 lg:col-span-2">
			<h2 id="cycle-heading" className="text-xl font-bold text-stone-900">
				{cycle.name}
			</h2>
			<p className="mt-1 text-stone-600">
				{cycle.periodLabel}: {formatDate(cycle.start)} to {formatDate(cycle.end)}
			</p>
			{targets.minutes ? (
				<Progress label="CPD hours" value={progress.minutes} target={targets.minutes} unit="hours" />
			) : null}
			{targets.participatoryMinutes ? (
				<Progress
					label="Participatory hours"
					value={progress.participatoryMinutes}
					target={targets.participatoryMinutes}
					unit="hours"
				/>
			) : null}
			{targets.records ? (
				<Progress label="CPD records" value={progress.records} target={targets.records} unit="records" />
			) : null}
			{!targets.minutes && !targets.records ? (
				<p className="mt-4 text-2xl font-bold text-stone-900">
					{formatHours(progress.minutes)}
					<span className="ml-2 text-base font-normal text-stone-600">
						in {progress.records} {progress.records === 1 ? 'activity' : 'activities'}
						{progress.participatoryMinutes ? `, ${formatHours(progress.participatoryMinutes)} participatory` : ''}
					</span>
				</p>
			) : null}
			<p className="mt-4 text-sm leading-relaxed text-stone-700">{cycle.guidance}</p>
			<p className="mt-3 text-sm text-stone-700">
				{learner.registrationBody ? (
					<>
						Registered with: {REGISTRATION_BODY_LABELS[learner.registrationBody]}.{' '}
						<Link to="/account" className={LINK}>
							Change your details
						</Link>
					</>
				) : (
					<>
						Tell us who you are registered with (NMC, HCPC, Social Work England or teaching) to see progress for your
						regulator.{' '}
						<Link to="/account" className={LINK}>
							Add your registration details
						</Link>
					</>
				)}
			</p>
		</Card>
	)
}

function ExportCard({ registrationBody }: { registrationBody: LoaderData['learner']['registrationBody'] }) {
	const suggested = defaultExportFormat(registrationBody)
	return (
		<Card as="section" aria-labelledby="export-heading" className="p-6">
			<h2 id="export-heading" className="text-xl font-bold text-stone-900">
				Download your portfolio
			</h2>
			<p className="mt-1 text-sm text-stone-700">As a PDF to print or upload, or a spreadsheet (CSV).</p>
			{/* A plain form (not React Router's): the browser downloads the file itself. */}
			<form method="get" action="/cpd/export.pdf" className="mt-4 space-y-4">
				<div>
					<label htmlFor="export-format" className="block font-semibold text-stone-900">
						Layout
					</label>
					<select
						id="export-format"
						name="format"
						defaultValue={suggested}
						className="mt-2 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
					>
						{EXPORT_FORMATS.map((format) => (
							<option key={format} value={format}>
								{EXPORT_FORMAT_LABELS[format].short}
							</option>
						))}
					</select>
				</div>
				<fieldset>
					<legend className="font-semibold text-stone-900">Activities</legend>
					<div className="mt-2 space-y-2">
						<label className="flex min-h-11 items-center gap-3">
							<input type="radio" name="period" value="cycle" defaultChecked className="size-5 accent-brand-700" />
							<span>This cycle only</span>
						</label>
						<label className="flex min-h-11 items-center gap-3">
							<input type="radio" name="period" value="all" className="size-5 accent-brand-700" />
							<span>Everything</span>
						</label>
					</div>
				</fieldset>
				<div className="flex flex-wrap gap-3">
					<button type="submit" className={buttonClasses()}>
						Download PDF
					</button>
					<button type="submit" formAction="/cpd/export.csv" className={buttonClasses({ variant: 'secondary' })}>
						Download CSV
					</button>
				</div>
			</form>
		</Card>
	)
}

function EntryCard({ entry }: { entry: Entry }) {
	const reflections = [
		...(entry.reflection ? [{ prompt: 'Your reflection', text: entry.reflection }] : []),
		...entry.courseReflections,
	]
	return (
		<li>
			<Card as="article" aria-labelledby={`entry-${entry.id}`} className={`p-5 ${entry.counts ? '' : 'opacity-80'}`}>
				<div className="flex flex-wrap items-start justify-between gap-3">
					<div>
						<h4 id={`entry-${entry.id}`} className="text-lg font-semibold text-stone-900">
							{entry.title}
						</h4>
						<p className="mt-1 text-stone-600">
							{formatDate(entry.date)} · {entry.method} · {formatHours(entry.minutes)}
							{entry.participatoryMinutes ? ` (${formatHours(entry.participatoryMinutes)} participatory)` : ''}
						</p>
					</div>
					<div className="flex flex-wrap gap-2">
						{entry.certificate ? <Badge>Circle course</Badge> : null}
						{entry.source === 'CIRCLE' ? <Badge>Reflective circle</Badge> : null}
						{entry.rjcApproved ? <Badge tone="neutral">RJC-approved</Badge> : null}
						{entry.certificate?.revokedAt ? <Badge tone="accent">Certificate revoked: not counted</Badge> : null}
					</div>
				</div>
				{entry.description ? <p className="mt-3 whitespace-pre-line text-stone-800">{entry.description}</p> : null}
				{entry.certificate?.outcomes.length ? (
					<details className="mt-3">
						<summary className="cursor-pointer font-medium text-brand-700">Learning outcomes</summary>
						<ul className="mt-2 list-disc space-y-1 pl-6 text-stone-800">
							{entry.certificate.outcomes.map((outcome) => (
								<li key={outcome}>{outcome}</li>
							))}
						</ul>
					</details>
				) : null}
				{reflections.length ? (
					<details className="mt-3" open={reflections.length <= 2}>
						<summary className="cursor-pointer font-medium text-brand-700">Reflections ({reflections.length})</summary>
						<div className="mt-2 space-y-3">
							{reflections.map((r, i) => (
								<blockquote key={i} className="border-l-4 border-brand-200 pl-4">
									<p className="text-sm font-semibold text-stone-600">{r.prompt}</p>
									<p className="mt-1 whitespace-pre-line text-stone-800">{r.text}</p>
								</blockquote>
							))}
						</div>
					</details>
				) : null}
				{entry.impactOnPractice ? (
					<div className="mt-3">
						<p className="text-sm font-semibold text-stone-600">Impact on practice</p>
						<p className="mt-1 whitespace-pre-line text-stone-800">{entry.impactOnPractice}</p>
					</div>
				) : null}
				{entry.standards.length ? (
					<ul className="mt-3 flex flex-wrap gap-2" aria-label="Standards">
						{entry.standards.map((s) => (
							<li key={s}>
								<Badge tone="neutral">{s}</Badge>
							</li>
						))}
					</ul>
				) : null}
				<p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm">
					<Link to={`/cpd/${entry.id}/edit`} className={LINK}>
						{entry.certificate ? 'Add or edit your reflection' : 'Edit'}
						<span className="sr-only">: {entry.title}</span>
					</Link>
					{entry.certificate ? (
						<a href={`/certificates/${entry.certificate.code}.pdf`} className={LINK}>
							Download certificate<span className="sr-only">: {entry.title}</span>
						</a>
					) : null}
				</p>
			</Card>
		</li>
	)
}
