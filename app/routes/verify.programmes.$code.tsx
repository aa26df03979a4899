import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { verificationPage, verifyPageHeaders } from '#app/utils/verify.server.ts'
import { formatCpdHours } from '#modules/certificates/certificate-text.ts'
import {
	type ProgrammeCertificateVerification,
	verifyProgrammeCertificate,
} from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/verify.programmes.$code'

export const headers: Route.HeadersFunction = verifyPageHeaders

export const meta: Route.MetaFunction = ({ data }) => {
	const titles = {
		valid: 'Valid programme certificate',
		revoked: 'Revoked programme certificate',
		not_found: 'Certificate not found',
	}
	return pageMeta(
		`${data ? titles[data.status] : 'Check a certificate'} | Circle`,
		'Whether a Circle programme certificate is genuine: who it was issued to, for which programme and courses.',
		NOINDEX,
	)
}

/** One look-up per request; unknown codes answer 404 with the same page, throttled ones 429. */
export async function loader({ params, context }: Route.LoaderArgs) {
	return verificationPage(() => verifyProgrammeCertificate({ code: params.code, ipAddress: context.clientIp }))
}

export default function VerifyProgrammeCertificateRoute({ loaderData: result }: Route.ComponentProps) {
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Certificate check</p>
			{result.status === 'not_found' ? (
				<>
					<h1 className="mt-3 text-2xl font-bold text-stone-900 sm:text-3xl">We could not find that certificate</h1>
					<p className="mt-3 text-lg text-stone-700">
						No Circle programme certificate has the number <span className="font-mono">{result.code}</span>. Check it
						against the certificate and try again.
					</p>
				</>
			) : (
				<Found result={result} />
			)}
			<p className="mt-10 flex flex-wrap gap-x-6 gap-y-2 text-stone-700">
				<Link to="/verify" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					Check another certificate
				</Link>
				{result.status !== 'not_found' ? (
					<a
						href={`/verify/programmes/${result.code}.json`}
						className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
					>
						This result as JSON
					</a>
				) : null}
			</p>
		</Container>
	)
}

function Found({ result }: { result: ProgrammeCertificateVerification }) {
	const revoked = result.status === 'revoked'
	return (
		<>
			{revoked ? (
				<div role="status" className="mt-3 rounded-2xl border-2 border-red-700 bg-red-50 p-5 sm:p-6">
					<h1 className="text-2xl font-bold text-red-900 sm:text-3xl">This certificate has been revoked</h1>
					<p className="mt-3 text-lg text-red-900">
						It was revoked on <strong>{formatDate(result.revokedAt!)}</strong> and is no longer valid evidence of CPD.
					</p>
				</div>
			) : (
				<div role="status" className="mt-3 rounded-2xl border-2 border-green-700 bg-green-50 p-5 sm:p-6">
					<h1 className="flex items-center gap-3 text-2xl font-bold text-green-900 sm:text-3xl">
						<span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-green-700 text-white">
							<CheckIcon className="size-5" />
						</span>
						This programme certificate is valid
					</h1>
					<p className="mt-3 text-lg text-green-900">
						Circle issued this certificate for completing every course of a learning programme, and it has not been
						revoked.
					</p>
				</div>
			)}
			<h2 className="mt-10 text-xl font-bold text-stone-900">What the certificate says</h2>
			<dl className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				<Row term="Issued to" value={result.learnerName} large />
				<Row term="Programme" value={result.programmeTitle} />
				<Row
					term="CPD hours in total"
					value={result.cpdHours === null ? null : formatCpdHours(Math.round(result.cpdHours * 60))}
				/>
				<Row term="Completed on" value={result.completedOn ? formatDate(result.completedOn) : null} />
				<Row term="Issued on" value={result.issuedAt ? formatDate(result.issuedAt) : null} />
				<Row term="Certificate number" value={result.code} mono />
			</dl>
			<h2 className="mt-8 text-xl font-bold text-stone-900">Courses in the programme</h2>
			<ol className="mt-3 list-decimal space-y-3 pl-6 text-stone-800">
				{result.courses.map((course) => (
					<li key={course.code}>
						<span className="font-semibold">{course.title}</span> (version {course.versionNumber}):{' '}
						{formatCpdHours(Math.round(course.cpdHours * 60))}, completed on {formatDate(course.completedOn)}.{' '}
						<Link
							to={`/verify/${course.code}`}
							className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
						>
							Check its certificate, <span className="font-mono">{course.code}</span>
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
