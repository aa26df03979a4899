import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { verificationPage, verifyPageHeaders } from '#app/utils/verify.server.ts'
import { cpdHours } from '#modules/certificates/certificate-text.ts'
import { type CertificateVerification, verifyCertificate } from '#modules/certificates/verify-certificate.ts'
import type { Route } from './+types/verify.$code'
import { Trans } from '#app/utils/trans.tsx'

export const headers: Route.HeadersFunction = verifyPageHeaders

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? `${t(`verify.titles.${data.status}`, { ns: 'public-pages' })} | Circle`
			: t('verify.metaTitle', { ns: 'public-pages' }),
		t('verify.resultDescription', { ns: 'public-pages' }),
		NOINDEX,
	)
}

/**
 * One look-up per request, found or not (see verifyCertificate); unknown codes answer 404 with the
 * same page. Throttled look-ups answer 429 with the throttle's message.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	return verificationPage(() => verifyCertificate({ code: params.code, ipAddress: context.clientIp, now: new Date() }))
}

export default function VerifyCertificateRoute({ loaderData: result }: Route.ComponentProps) {
	const { t } = useTranslation('public-pages')
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('verify.eyebrow')}</p>
			{result.status === 'not_found' ? <NotFound code={result.code} /> : <Found result={result} />}
			<p className="mt-10 flex flex-wrap gap-x-6 gap-y-2 text-stone-700">
				<Link to="/verify" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('verify.another')}
				</Link>
				{result.status !== 'not_found' ? (
					<a
						href={`/verify/${result.code}.json`}
						className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
					>
						{t('verify.asJson')}
					</a>
				) : null}
			</p>
		</Container>
	)
}

function Found({ result }: { result: CertificateVerification }) {
	const revoked = result.status === 'revoked'
	const { t } = useTranslation('public-pages')
	const { date: formatDate, number } = useFormat()
	const hours = (value: number) => {
		const rounded = cpdHours(Math.round(value * 60))
		return t('verify.hours', { count: rounded, hours: number(rounded, { maximumFractionDigits: 2 }) })
	}
	return (
		<>
			{result.status === 'expired' ? (
				<div role="status" className="mt-3 rounded-2xl border-2 border-amber-700 bg-amber-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-amber-950 sm:text-3xl">
						<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="size-8 shrink-0">
							<circle cx="12" cy="12" r="10" fill="#b45309" />
							<path d="M12 6.5V12l3.5 2.5" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" fill="none" />
						</svg>
						{t('verify.expiredHeading')}
					</h1>
					<p className="mt-3 text-lg text-amber-950">
						<Trans
							t={t}
							i18nKey="verify.expiredBody"
							values={{ date: formatDate(result.validUntil!) }}
							components={{ strong: <strong /> }}
						/>
					</p>
				</div>
			) : revoked ? (
				<div role="status" className="mt-3 rounded-2xl border-2 border-red-700 bg-red-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-red-900 sm:text-3xl">
						<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="size-8 shrink-0">
							<circle cx="12" cy="12" r="10" fill="#b91c1c" />
							<path d="M8 8l8 8M16 8l-8 8" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
						</svg>
						{t('verify.revokedHeading')}
					</h1>
					<p className="mt-3 text-lg text-red-900">
						<Trans
							t={t}
							i18nKey="verify.revokedBody"
							values={{ date: formatDate(result.revokedAt!) }}
							components={{ strong: <strong /> }}
						/>
					</p>
					{result.revokedReason ? (
						<p className="mt-2 text-red-900">
							<span className="font-semibold">{t('verify.reason')}</span> {result.revokedReason}
						</p>
					) : null}
				</div>
			) : (
				<div role="status" className="mt-3 rounded-2xl border-2 border-green-700 bg-green-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-green-900 sm:text-3xl">
						<span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-green-700 text-white">
							<CheckIcon className="size-5" />
						</span>
						{t('verify.validHeading')}
					</h1>
					<p className="mt-3 text-lg text-green-900">
						{t('verify.validBody')}{' '}
						{result.validUntil ? (
							<>
								<Trans
									t={t}
									i18nKey="verify.validUntil"
									values={{ date: formatDate(result.validUntil) }}
									components={{ strong: <strong /> }}
								/>{' '}
							</>
						) : null}
						{t('verify.exactly')}
					</p>
				</div>
			)}

			<h2 className="mt-10 text-xl font-bold text-stone-900">{revoked ? t('verify.saidRevoked') : t('verify.says')}</h2>
			<dl className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				<Row term={t('verify.issuedTo')} value={result.learnerName} large />
				<Row term={t('verify.course')} value={result.courseTitle} />
				<Row term={t('verify.courseVersion')} value={t('verify.version', { number: result.versionNumber })} />
				<Row term={t('verify.cpdHours')} value={result.cpdHours === null ? null : hours(result.cpdHours)} />
				<Row term={t('verify.completedOn')} value={result.completedOn ? formatDate(result.completedOn) : null} />
				<Row term={t('verify.issuedOn')} value={result.issuedOn ? formatDate(result.issuedOn) : null} />
				<Row
					term={t('verify.validUntilTerm')}
					value={result.validUntil ? formatDate(result.validUntil) : t('verify.noExpiry')}
				/>
				<Row term={t('verify.number')} value={result.code} mono />
			</dl>
			{result.outcomes.length ? (
				<>
					<h2 className="mt-8 text-xl font-bold text-stone-900">{t('verify.outcomes')}</h2>
					<ul className="mt-3 list-disc space-y-1.5 pl-6 text-stone-800">
						{result.outcomes.map((outcome) => (
							<li key={outcome}>{outcome}</li>
						))}
					</ul>
				</>
			) : null}
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

function NotFound({ code }: { code: string }) {
	const { t } = useTranslation('public-pages')
	return (
		<>
			<div role="status" className="mt-3 rounded-2xl border-2 border-stone-400 bg-white p-5 sm:p-6">
				<h1 className="text-2xl font-bold text-stone-900 sm:text-3xl">{t('verify.notFoundHeading')}</h1>
				<p className="mt-3 text-lg text-stone-700">
					<Trans
						t={t}
						i18nKey="verify.notFoundBody"
						values={{ code }}
						components={{ code: <span className="font-mono font-semibold break-all" /> }}
					/>
				</p>
			</div>
			<div className="prose-circle mt-6 space-y-3 text-stone-700">
				<p>{t('verify.checkNumber')}</p>
				<p>
					<Trans t={t} i18nKey="verify.notGenuine" components={{ contact: <Link to="/contact" /> }} />
				</p>
			</div>
			<Form method="get" action="/verify" className="mt-8 max-w-lg space-y-5">
				<Field
					labelProps={{ children: t('verify.tryAnother') }}
					inputProps={{
						name: 'code',
						autoComplete: 'off',
						autoCapitalize: 'characters',
						spellCheck: false,
						placeholder: 'CIRC-XXXX-XXXX-XXXX-XXXX',
						className: 'font-mono tracking-wide uppercase',
					}}
				/>
				<SubmitButton>{t('verify.submit')}</SubmitButton>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
