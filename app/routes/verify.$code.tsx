import { Form, Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { verificationPage, verifyPageHeaders } from '#app/utils/verify.server.ts'
import { formatCpdHours } from '#modules/certificates/certificate-text.ts'
import { type CertificateVerification, verifyCertificate } from '#modules/certificates/verify-certificate.ts'
import type { Route } from './+types/verify.$code'

export const headers: Route.HeadersFunction = verifyPageHeaders

export const meta: Route.MetaFunction = ({ data }) => {
	const titles = {
		valid: 'Valid certificate',
		expired: 'Expired certificate',
		revoked: 'Revoked certificate',
		not_found: 'Certificate not found',
	}
	return pageMeta(
		`${data ? titles[data.status] : 'Check a certificate'} | Circle`,
		'Whether a Circle CPD certificate is genuine: who it was issued to, for which course, and whether it is still valid.',
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
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Certificate check</p>
			{result.status === 'not_found' ? <NotFound code={result.code} /> : <Found result={result} />}
			<p className="mt-10 flex flex-wrap gap-x-6 gap-y-2 text-stone-700">
				<Link to="/verify" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					Check another certificate
				</Link>
				{result.status !== 'not_found' ? (
					<a
						href={`/verify/${result.code}.json`}
						className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
					>
						This result as JSON
					</a>
				) : null}
			</p>
		</Container>
	)
}

function Found({ result }: { result: CertificateVerification }) {
	const revoked = result.status === 'revoked'
	return (
		<>
			{result.status === 'expired' ? (
				<div role="status" className="mt-3 rounded-2xl border-2 border-amber-700 bg-amber-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-amber-950 sm:text-3xl">
						<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="size-8 shrink-0">
							<circle cx="12" cy="12" r="10" fill="#b45309" />
							<path d="M12 6.5V12l3.5 2.5" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" fill="none" />
						</svg>
						This certificate has expired
					</h1>
					<p className="mt-3 text-lg text-amber-950">
						Circle issued this certificate and it has not been revoked, but it was valid only until{' '}
						<strong>{formatDate(result.validUntil!)}</strong>. It shows the training was completed then; it is not
						evidence that it is in date now.
					</p>
				</div>
			) : revoked ? (
				<div role="status" className="mt-3 rounded-2xl border-2 border-red-700 bg-red-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-red-900 sm:text-3xl">
						<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="size-8 shrink-0">
							<circle cx="12" cy="12" r="10" fill="#b91c1c" />
							<path d="M8 8l8 8M16 8l-8 8" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
						</svg>
						This certificate has been revoked
					</h1>
					<p className="mt-3 text-lg text-red-900">
						It was revoked on <strong>{formatDate(result.revokedAt!)}</strong> and is no longer valid evidence of CPD.
					</p>
					{result.revokedReason ? (
						<p className="mt-2 text-red-900">
							<span className="font-semibold">Reason:</span> {result.revokedReason}
						</p>
					) : null}
				</div>
			) : (
				<div role="status" className="mt-3 rounded-2xl border-2 border-green-700 bg-green-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-green-900 sm:text-3xl">
						<span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-green-700 text-white">
							<CheckIcon className="size-5" />
						</span>
						This certificate is valid
					</h1>
					<p className="mt-3 text-lg text-green-900">
						Circle issued this certificate, and it has not been revoked.{' '}
						{result.validUntil ? (
							<>
								It is valid until <strong>{formatDate(result.validUntil)}</strong>.{' '}
							</>
						) : null}
						The details below are exactly what it says.
					</p>
				</div>
			)}

			<h2 className="mt-10 text-xl font-bold text-stone-900">
				{revoked ? 'What the certificate said' : 'What the certificate says'}
			</h2>
			<dl className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				<Row term="Issued to" value={result.learnerName} large />
				<Row term="Course" value={result.courseTitle} />
				<Row term="Course version" value={`Version ${result.versionNumber}`} />
				<Row
					term="CPD hours"
					value={result.cpdHours === null ? null : formatCpdHours(Math.round(result.cpdHours * 60))}
				/>
				<Row term="Completed on" value={result.completedOn ? formatDate(result.completedOn) : null} />
				<Row term="Issued on" value={result.issuedOn ? formatDate(result.issuedOn) : null} />
				<Row term="Valid until" value={result.validUntil ? formatDate(result.validUntil) : 'Does not expire'} />
				<Row term="Certificate number" value={result.code} mono />
			</dl>
			{result.outcomes.length ? (
				<>
					<h2 className="mt-8 text-xl font-bold text-stone-900">Learning outcomes</h2>
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
	return (
		<>
			<div role="status" className="mt-3 rounded-2xl border-2 border-stone-400 bg-white p-5 sm:p-6">
				<h1 className="text-2xl font-bold text-stone-900 sm:text-3xl">We could not find this certificate</h1>
				<p className="mt-3 text-lg text-stone-700">
					No Circle certificate has the number <span className="font-mono font-semibold break-all">{code}</span>.
				</p>
			</div>
			<div className="prose-circle mt-6 space-y-3 text-stone-700">
				<p>Check the number against the certificate: it is at the top right, and starts with CIRC.</p>
				<p>
					If it still cannot be found, the certificate may not be genuine. You can <Link to="/contact">contact us</Link>{' '}
					and we will look into it.
				</p>
			</div>
			<Form method="get" action="/verify" className="mt-8 max-w-lg space-y-5">
				<Field
					labelProps={{ children: 'Try another certificate number' }}
					inputProps={{
						name: 'code',
						autoComplete: 'off',
						autoCapitalize: 'characters',
						spellCheck: false,
						placeholder: 'CIRC-XXXX-XXXX-XXXX-XXXX',
						className: 'font-mono tracking-wide uppercase',
					}}
				/>
				<SubmitButton>Check certificate</SubmitButton>
			</Form>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
