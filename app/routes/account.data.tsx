import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { data, Form, useNavigation } from 'react-router'
import { FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUserId } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getLatestDataExport, requestDataExport } from '#modules/data-rights/export.ts'
import { RequestDataExportSchema } from '#modules/data-rights/export-schemas.ts'
import { retentionPeriods } from '#modules/data-rights/retention.ts'
import { formatUkDateTime } from '#modules/security/user-agent.ts'
import type { Route } from './+types/account.data'

export const meta: Route.MetaFunction = () =>
	pageMeta('Your data | Circle', 'Download a copy of everything Circle holds about you, and how long Circle keeps it.')

export async function loader({ request }: Route.LoaderArgs) {
	const userId = await requireUserId(request)
	const now = new Date()
	const latest = await getLatestDataExport({ userId, now })
	const periods = retentionPeriods()
	return {
		latest: latest
			? {
					state: latest.state,
					requestedAt: formatUkDateTime(latest.requestedAt),
					expiresAt: latest.expiresAt ? formatUkDateTime(latest.expiresAt) : null,
					downloadedAt: latest.downloadedAt ? formatUkDateTime(latest.downloadedAt) : null,
				}
			: null,
		linkDays: periods.dataExportLinkDays,
		inactiveYears: periods.inactiveAccountDays / 365,
		inactiveDays: periods.inactiveAccountDays,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const userId = await requireUserId(request)
	const submission = parseWithZod(await request.formData(), { schema: RequestDataExportSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), requested: false }, { status: 400 })
	try {
		await requestDataExport({
			actorId: userId,
			userId,
			now: new Date(),
			origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
		})
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	return { result: submission.reply(), requested: true }
}

const STATE_TEXT = {
	preparing: (l: { requestedAt: string }) =>
		`You asked for your data on ${l.requestedAt}. It is being prepared: we will email you a link when it is ready, usually within a few minutes.`,
	ready: (l: { expiresAt: string | null }) =>
		`Your data is ready. We emailed you a link that works once, when you are signed in, until ${l.expiresAt}.`,
	downloaded: (l: { downloadedAt: string | null }) =>
		`You downloaded your data on ${l.downloadedAt}. The link has been used; ask again for a fresh copy.`,
	expired: () => 'The link to your last copy has expired and the copy has been deleted. Ask again for a fresh copy.',
	failed: () => 'We could not prepare your last copy. Please ask again; if it fails again, contact us.',
} as const

export default function AccountDataRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form] = useForm({ id: 'data-export', lastResult: actionData?.result })
	const requested = actionData && 'requested' in actionData && actionData.requested
	const statusRef = useRef<HTMLDivElement>(null)
	// After a request, move focus to the confirmation so keyboard and screen reader users hear it.
	useEffect(() => {
		if (requested) statusRef.current?.focus()
	}, [requested])
	const { latest } = loaderData

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Your data</h2>
			<section aria-labelledby="download-heading" className="mt-4 max-w-xl">
				<h3 id="download-heading" className="text-xl font-semibold text-stone-900">
					Download your data
				</h3>
				<p className="mt-2 text-stone-700">
					Get a copy of everything Circle holds about you: your details, sign-ins, organisations, learning, reflections,
					CPD record, purchases and the emails we sent you, as JSON, with your certificates and CPD exports as PDFs, in
					one ZIP file. We prepare it in the background and email you a link that works once, for {loaderData.linkDays}{' '}
					days, only when you are signed in as you.
				</p>
				{latest ? (
					<Notice
						tone={latest.state === 'failed' ? 'warning' : 'info'}
						className="mt-4"
						role="status"
						id="data-export-status"
						tabIndex={-1}
						title={requested ? 'We are preparing your data' : undefined}
					>
						<div ref={statusRef} tabIndex={-1}>
							{STATE_TEXT[latest.state](latest)}
						</div>
					</Notice>
				) : null}
				<Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<SubmitButton
						name="intent"
						value="request-export"
						pending={navigation.state === 'submitting'}
						pendingText="Asking…"
					>
						{latest ? 'Prepare a new copy of my data' : 'Prepare my data'}
					</SubmitButton>
				</Form>
			</section>
			<section aria-labelledby="retention-heading" className="mt-10 max-w-xl">
				<h3 id="retention-heading" className="text-xl font-semibold text-stone-900">
					How long we keep it
				</h3>
				<p className="mt-2 text-stone-700">
					Your learning record, certificates and CPD portfolio are yours: we keep them while you have an account.
					{loaderData.inactiveDays > 0
						? ` If nobody signs in to your account for ${loaderData.inactiveDays.toLocaleString('en-GB')} days (about ${Math.round(loaderData.inactiveYears)} years), we email you a warning and then erase it.`
						: null}{' '}
					Records of sign-ins, emails and account changes are deleted on a timetable; your organisation’s administrator
					can give you Circle’s full record of processing.
				</p>
			</section>
		</>
	)
}
