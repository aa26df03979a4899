import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { verificationPage, verifyPageHeaders } from '#app/utils/verify.server.ts'
import { cpdHours } from '#modules/certificates/certificate-text.ts'
import {
	type ProgrammeCertificateVerification,
	verifyProgrammeCertificate,
} from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/verify.programmes.$code'
import { Trans } from '#app/utils/trans.tsx'

export const headers: Route.HeadersFunction = verifyPageHeaders

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? `${t(`verifyProgramme.titles.${data.status}`, { ns: 'public-pages' })} | Circle`
			: t('verify.metaTitle', { ns: 'public-pages' }),
		t('verifyProgramme.metaDescription', { ns: 'public-pages' }),
		NOINDEX,
	)
}

/** One look-up per request; unknown codes answer 404 with the same page, throttled ones 429. */
export async function loader({ params, context }: Route.LoaderArgs) {
	return verificationPage(() => verifyProgrammeCertificate({ code: params.code, ipAddress: context.clientIp }))
}

export default function VerifyProgrammeCertificateRoute({ loaderData: result }: Route.ComponentProps) {
	const { t } = useTranslation('public-pages')
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('verify.eyebrow')}</p>
			{result.status === 'not_found' ? (
				<>
					<h1 className="mt-3 text-2xl font-bold text-stone-900 sm:text-3xl">{t('verifyProgramme.notFoundHeading')}</h1>
					<p className="mt-3 text-lg text-stone-700">
						<Trans
							t={t}
							i18nKey="verifyProgramme.notFoundBody"
							values={{ code: result.code }}
							components={{ code: <span className="font-mono" /> }}
						/>
					</p>
				</>
			) : (
				<Found result={result} />
			)}
			<p className="mt-10 flex flex-wrap gap-x-6 gap-y-2 text-stone-700">
				<Link to="/verify" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('verify.another')}
				</Link>
				{result.status !== 'not_found' ? (
					<a
						href={`/verify/programmes/${result.code}.json`}
						className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
					>
						{t('verify.asJson')}
					</a>
				) : null}
			</p>
		</Container>
	)
}

function Found({ result }: { result: ProgrammeCertificateVerification }) {
	const revoked = result.status === 'revoked'
	const { t } = useTranslation('public-pages')
	const { date: formatDate, number } = useFormat()
	const hours = (value: number) => {
		const rounded = cpdHours(Math.round(value * 60))
		return t('verify.hours', { count: rounded, hours: number(rounded, { maximumFractionDigits: 2 }) })
	}
	return (
		<>
			{revoked ? (
				<div role="status" className="mt-3 rounded-2xl border-2 border-red-700 bg-red-50 p-5 sm:p-6">
					<h1 className="text-2xl font-bold text-red-900 sm:text-3xl">{t('verify.revokedHeading')}</h1>
					<p className="mt-3 text-lg text-red-900">
						<Trans
							t={t}
							i18nKey="verify.revokedBody"
							values={{ date: formatDate(result.revokedAt!) }}
							components={{ strong: <strong /> }}
						/>
					</p>
				</div>
			) : (
				<div role="status" className="mt-3 rounded-2xl border-2 border-green-700 bg-green-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-green-900 sm:text-3xl">
						<span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-green-700 text-white">
							<CheckIcon className="size-5" />
						</span>
						{t('verifyProgramme.validHeading')}
					</h1>
					<p className="mt-3 text-lg text-green-900">{t('verifyProgramme.validBody')}</p>
				</div>
			)}
			<h2 className="mt-10 text-xl font-bold text-stone-900">{t('verify.says')}</h2>
			<dl className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				<Row term={t('verify.issuedTo')} value={result.learnerName} large />
				<Row term={t('verifyProgramme.programme')} value={result.programmeTitle} />
				<Row
					term={t('verifyProgramme.cpdHoursTotal')}
					value={result.cpdHours === null ? null : hours(result.cpdHours)}
				/>
				<Row term={t('verify.completedOn')} value={result.completedOn ? formatDate(result.completedOn) : null} />
				<Row term={t('verify.issuedOn')} value={result.issuedAt ? formatDate(result.issuedAt) : null} />
				<Row term={t('verify.number')} value={result.code} mono />
			</dl>
			<h2 className="mt-8 text-xl font-bold text-stone-900">{t('verifyProgramme.courses')}</h2>
			<ol className="mt-3 list-decimal space-y-3 pl-6 text-stone-800">
				{result.courses.map((course) => (
					<li key={course.code}>
						<Trans
							t={t}
							i18nKey="verifyProgramme.course"
							values={{
								title: course.title,
								version: course.versionNumber,
								hours: hours(course.cpdHours),
								date: formatDate(course.completedOn),
							}}
							components={{ strong: <span className="font-semibold" /> }}
						/>{' '}
						<Link
							to={`/verify/${course.code}`}
							className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
						>
							<Trans
								t={t}
								i18nKey="verifyProgramme.checkIts"
								values={{ code: course.code }}
								components={{ code: <span className="font-mono" /> }}
							/>
						</Link>
					</li>
				))}
			</ol>
		</>
	)
}

function Row({ term, value, large, mono }: { term: string; value: string | null; large?: boolean; mono?: boolean }) {
	return (
		<div className="grid gap-1 px-5 py-4 sm:grid-cols-3 sm:gap-4">
			<dt className="font-semibold text-stone-600">{term}</dt>
			<dd
				className={`sm:col-span-2 ${large ? 'text-xl font-semibold text-stone-900' : 'text-stone-900'} ${mono ? 'font-mono tracking-wide' : ''}`}
			>
				{value}
			</dd>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
