import { useTranslation } from 'react-i18next'
import { Form, Link, useSearchParams } from 'react-router'
import { PassportCard } from '#app/components/cpd/passport-card.tsx'
import { useCycleText } from '#app/components/cpd/use-cycle-text.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink, buttonClasses } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { listMyCertificates } from '#modules/certificates/list-my-certificates.ts'
import { defaultExportFormat, EXPORT_FORMATS } from '#modules/portfolio/export-formats.ts'
import type { CpdMethod } from '#modules/portfolio/schemas.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import { listMyProgrammeCertificates } from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/cpd._index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('meta.title', { ns: 'cpd' }), t('meta.description', { ns: 'cpd' }))
}

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
			validUntil: c.validUntil?.toISOString() ?? null,
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

const DONE = ['added', 'saved', 'deleted'] as const

export default function CpdPortfolioRoute({ loaderData }: Route.ComponentProps) {
	const { learner, cycle, entries, certificates, programmeCertificates } = loaderData
	const [searchParams] = useSearchParams()
	const { t, date, hours } = useCycleText()
	const doneKey = searchParams.get('done') ?? ''
	const done = DONE.find((key) => key === doneKey)
	const years = groupByYear(entries)

	return (
		<Container className="py-10 sm:py-12">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t('heading')}</h1>
					<p className="mt-2 max-w-prose text-lg text-stone-700">
						{learner.registrationBody === 'NMC' ? t('introRevalidation') : t('introRegulator')}
					</p>
				</div>
				<div className="flex flex-wrap gap-3">
					<ButtonLink to="/records" variant="secondary">
						{t('recordsLink')}
					</ButtonLink>
					<ButtonLink to="/cpd/new">{t('addActivity')}</ButtonLink>
				</div>
			</div>

			{done ? <Notice tone="success" role="status" title={t(`done.${done}`)} className="mt-6" /> : null}

			<div className="mt-8 grid items-start gap-6 lg:grid-cols-3">
				<CycleCard cycle={cycle} learner={learner} />
				<ExportCard registrationBody={learner.registrationBody} />
			</div>
			<PassportCard className="mt-6" />

			<div className="mt-12 grid gap-10 lg:grid-cols-3">
				<section aria-labelledby="activities-heading" className="lg:col-span-2">
					<h2 id="activities-heading" className="text-2xl font-bold text-stone-900">
						{t('activities')}
					</h2>
					{entries.length === 0 ? (
						<p className="mt-4 text-stone-700">
							<Trans t={t} i18nKey="emptyActivities" components={{ a: <Link to="/cpd/new" className={LINK} /> }} />
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
											{totals?.participatoryMinutes
												? t('yearTotalParticipatory', {
														hours: hours(totals.minutes),
														participatory: hours(totals.participatoryMinutes),
													})
												: hours(totals?.minutes ?? 0)}
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
						{t('certificates')}
					</h2>
					{certificates.length === 0 ? (
						<p className="mt-4 text-stone-700">{t('noCertificates')}</p>
					) : (
						<ul className="mt-4 space-y-3">
							{certificates.map((c) => (
								<li key={c.code} className="rounded-xl border border-stone-200 bg-white p-4">
									<p className="font-semibold text-stone-900">{c.courseTitle}</p>
									<p className="mt-1 text-sm text-stone-600">
										{t('certificateLine', {
											number: c.versionNumber,
											hours: hours(c.cpdMinutes),
											date: date(c.completedAt),
										})}
									</p>
									<p className="mt-1 font-mono text-sm text-stone-700">{c.code}</p>
									{c.revokedAt ? (
										<Badge tone="accent" className="mt-2">
											{t('revoked', { date: date(c.revokedAt) })}
										</Badge>
									) : c.validUntil ? (
										<p className="mt-1 text-sm text-stone-700">
											{c.standing === 'expired' ? (
												<Badge tone="accent">{t('expiredValidUntil', { date: date(c.validUntil) })}</Badge>
											) : (
												t('validUntil', { date: date(c.validUntil) })
											)}
										</p>
									) : null}
									{c.canRetake ? (
										<Form method="post" action={`/learn/${c.courseSlug}/retake`} className="mt-2">
											<button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
												{c.standing === 'expired' ? t('retakeToRenew') : t('renewEarly')}
												<span className="sr-only"> {c.courseTitle}</span>
											</button>
										</Form>
									) : null}
									<p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
										<a href={`/certificates/${c.code}.pdf`} className={LINK}>
											{t('downloadPdf')}
											<span className="sr-only">: {c.courseTitle}</span>
										</a>
										<Link to={`/verify/${c.code}`} className={LINK}>
											{t('verificationPage')}
											<span className="sr-only">: {c.courseTitle}</span>
										</Link>
									</p>
								</li>
							))}
						</ul>
					)}
					{programmeCertificates.length > 0 ? (
						<section aria-labelledby="programme-certificates-heading" className="mt-10">
							<h2 id="programme-certificates-heading" className="text-2xl font-bold text-stone-900">
								{t('programmeCertificates')}
							</h2>
							<p className="mt-2 text-sm text-stone-700">{t('programmeCertificatesIntro')}</p>
							<ul className="mt-4 space-y-3">
								{programmeCertificates.map((c) => (
									<li key={c.code} className="rounded-xl border border-stone-200 bg-white p-4">
										<p className="font-semibold text-stone-900">{c.programmeTitle}</p>
										<p className="mt-1 text-sm text-stone-600">
											{t('programmeLine', {
												count: c.courseCount,
												hours: hours(c.cpdMinutes),
												date: date(c.completedAt),
											})}
										</p>
										<p className="mt-1 font-mono text-sm text-stone-700">{c.code}</p>
										{c.revokedAt ? (
											<Badge tone="accent" className="mt-2">
												{t('revoked', { date: date(c.revokedAt) })}
											</Badge>
										) : null}
										<p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
											<a href={`/programme-certificates/${c.code}.pdf`} className={LINK}>
												{t('downloadPdf')}
												<span className="sr-only">: {c.programmeTitle}</span>
											</a>
											<Link to={`/verify/programmes/${c.code}`} className={LINK}>
												{t('verificationPage')}
												<span className="sr-only">: {c.programmeTitle}</span>
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
	const { t, hours } = useCycleText()
	const percent = Math.min(100, Math.round((value / target) * 100))
	const text =
		unit === 'hours'
			? t('progressHours', { value: hours(value), target: hours(target) })
			: t('progressRecords', { value, count: target })
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
	const { t, date, hours, cycleName, cycleGuidance, period, bodyLabel } = useCycleText()
	return (
		<Card as="section" aria-labelledby="cycle-heading" className="p-6 lg:col-span-2">
			<h2 id="cycle-heading" className="text-xl font-bold text-stone-900">
				{cycleName(cycle.body)}
			</h2>
			<p className="mt-1 text-stone-600">
				{t('cycle.dates', { period: period(cycle.period), start: date(cycle.start), end: date(cycle.end) })}
			</p>
			{targets.minutes ? (
				<Progress label={t('cycle.cpdHours')} value={progress.minutes} target={targets.minutes} unit="hours" />
			) : null}
			{targets.participatoryMinutes ? (
				<Progress
					label={t('cycle.participatoryHours')}
					value={progress.participatoryMinutes}
					target={targets.participatoryMinutes}
					unit="hours"
				/>
			) : null}
			{targets.records ? (
				<Progress label={t('cycle.cpdRecords')} value={progress.records} target={targets.records} unit="records" />
			) : null}
			{!targets.minutes && !targets.records ? (
				<p className="mt-4 text-2xl font-bold text-stone-900">
					{hours(progress.minutes)}
					<span className="ml-2 text-base font-normal text-stone-600">
						{t('cycle.inActivities', { count: progress.records })}
						{progress.participatoryMinutes
							? `, ${t('participatory', { hours: hours(progress.participatoryMinutes) })}`
							: ''}
					</span>
				</p>
			) : null}
			<p className="mt-4 text-sm leading-relaxed text-stone-700">{cycleGuidance(cycle.body)}</p>
			<p className="mt-3 text-sm text-stone-700">
				{learner.registrationBody ? (
					<>
						{t('cycle.registeredWith', { body: bodyLabel(learner.registrationBody) })}{' '}
						<Link to="/account" className={LINK}>
							{t('cycle.changeDetails')}
						</Link>
					</>
				) : (
					<>
						{t('cycle.tellUs')}{' '}
						<Link to="/account" className={LINK}>
							{t('cycle.addDetails')}
						</Link>
					</>
				)}
			</p>
		</Card>
	)
}

function ExportCard({ registrationBody }: { registrationBody: LoaderData['learner']['registrationBody'] }) {
	const suggested = defaultExportFormat(registrationBody)
	const { t } = useTranslation('cpd')
	return (
		<Card as="section" aria-labelledby="export-heading" className="p-6">
			<h2 id="export-heading" className="text-xl font-bold text-stone-900">
				{t('export.heading')}
			</h2>
			<p className="mt-1 text-sm text-stone-700">{t('export.intro')}</p>
			{/* A plain form (not React Router's): the browser downloads the file itself. */}
			<form method="get" action="/cpd/export.pdf" className="mt-4 space-y-4">
				<div>
					<label htmlFor="export-format" className="block font-semibold text-stone-900">
						{t('export.layout')}
					</label>
					<select
						id="export-format"
						name="format"
						defaultValue={suggested}
						className="mt-2 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
					>
						{EXPORT_FORMATS.map((format) => (
							<option key={format} value={format}>
								{t(`export.formats.${format}`)}
							</option>
						))}
					</select>
				</div>
				<fieldset>
					<legend className="font-semibold text-stone-900">{t('export.activities')}</legend>
					<div className="mt-2 space-y-2">
						<label className="flex min-h-11 items-center gap-3">
							<input type="radio" name="period" value="cycle" defaultChecked className="size-5 accent-brand-700" />
							<span>{t('export.cycleOnly')}</span>
						</label>
						<label className="flex min-h-11 items-center gap-3">
							<input type="radio" name="period" value="all" className="size-5 accent-brand-700" />
							<span>{t('export.everything')}</span>
						</label>
					</div>
				</fieldset>
				<div className="flex flex-wrap gap-3">
					<button type="submit" className={buttonClasses()}>
						{t('export.downloadPdf')}
					</button>
					<button type="submit" formAction="/cpd/export.csv" className={buttonClasses({ variant: 'secondary' })}>
						{t('export.downloadCsv')}
					</button>
				</div>
			</form>
		</Card>
	)
}

function EntryCard({ entry }: { entry: Entry }) {
	const { t, date, hours } = useCycleText()
	const reflections = [
		...(entry.reflection ? [{ prompt: t('entry.yourReflection'), text: entry.reflection }] : []),
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
							{entry.participatoryMinutes
								? t('entry.lineParticipatory', {
										date: date(entry.date),
										method: t(`methods.${entry.method as CpdMethod}`, { defaultValue: entry.method }),
										hours: hours(entry.minutes),
										participatory: hours(entry.participatoryMinutes),
									})
								: [
										date(entry.date),
										t(`methods.${entry.method as CpdMethod}`, { defaultValue: entry.method }),
										hours(entry.minutes),
									].join(' · ')}
						</p>
					</div>
					<div className="flex flex-wrap gap-2">
						{entry.certificate ? <Badge>{t('entry.circleCourse')}</Badge> : null}
						{entry.source === 'CIRCLE' ? <Badge>{t('entry.reflectiveCircle')}</Badge> : null}
						{entry.rjcApproved ? <Badge tone="neutral">{t('entry.rjcApproved')}</Badge> : null}
						{entry.certificate?.revokedAt ? <Badge tone="accent">{t('entry.revokedNotCounted')}</Badge> : null}
					</div>
				</div>
				{entry.description ? <p className="mt-3 whitespace-pre-line text-stone-800">{entry.description}</p> : null}
				{entry.certificate?.outcomes.length ? (
					<details className="mt-3">
						<summary className="cursor-pointer font-medium text-brand-700">{t('entry.outcomes')}</summary>
						<ul className="mt-2 list-disc space-y-1 pl-6 text-stone-800">
							{entry.certificate.outcomes.map((outcome) => (
								<li key={outcome}>{outcome}</li>
							))}
						</ul>
					</details>
				) : null}
				{reflections.length ? (
					<details className="mt-3" open={reflections.length <= 2}>
						<summary className="cursor-pointer font-medium text-brand-700">
							{t('entry.reflections', { count: reflections.length })}
						</summary>
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
						<p className="text-sm font-semibold text-stone-600">{t('entry.impact')}</p>
						<p className="mt-1 whitespace-pre-line text-stone-800">{entry.impactOnPractice}</p>
					</div>
				) : null}
				{entry.standards.length ? (
					<ul className="mt-3 flex flex-wrap gap-2" aria-label={t('entry.standards')}>
						{entry.standards.map((s) => (
							<li key={s}>
								<Badge tone="neutral">{s}</Badge>
							</li>
						))}
					</ul>
				) : null}
				<p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm">
					<Link to={`/cpd/${entry.id}/edit`} className={LINK}>
						{entry.certificate ? t('entry.addReflection') : t('entry.edit')}
						<span className="sr-only">: {entry.title}</span>
					</Link>
					{entry.certificate ? (
						<a href={`/certificates/${entry.certificate.code}.pdf`} className={LINK}>
							{t('entry.downloadCertificate')}
							<span className="sr-only">: {entry.title}</span>
						</a>
					) : null}
				</p>
			</Card>
		</li>
	)
}
