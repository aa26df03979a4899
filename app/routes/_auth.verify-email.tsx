import { Form, Link, redirect, useNavigation } from 'react-router'
import { FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { getOptionalUser, requireUser } from '#app/utils/auth.server.ts'
import { DEFAULT_SIGNED_IN_PATH } from '#app/utils/paths.ts'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { resendVerificationEmail, verifyEmail } from '#modules/auth/email-verification.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/_auth.verify-email'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Confirm your email address | Circle',
		'Confirm your email address so Circle can send you certificates, receipts and password links.',
	)

type LoaderResult =
	| { state: 'verified'; signedIn: boolean }
	| { state: 'failed'; message: string; signedIn: boolean; canResend: boolean }
	| { state: 'waiting'; email: string }

export async function loader({ request }: Route.LoaderArgs): Promise<LoaderResult> {
	const token = new URL(request.url).searchParams.get('token')
	const user = await getOptionalUser(request)
	if (token) {
		try {
			await verifyEmail({ token })
			return { state: 'verified', signedIn: Boolean(user) }
		} catch (error) {
			if (!isDomainError(error)) throw error
			return {
				state: 'failed',
				message: error.message,
				signedIn: Boolean(user),
				canResend: Boolean(user && !user.emailVerified),
			}
		}
	}
	if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: '/verify-email' })}`)
	if (user.emailVerified) return { state: 'verified', signedIn: true }
	return { state: 'waiting', email: user.email }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request, { redirectTo: '/verify-email' })
	try {
		const { alreadyVerified } = await resendVerificationEmail({ userId: user.id, ipAddress: context.clientIp })
		if (alreadyVerified) throw redirect(DEFAULT_SIGNED_IN_PATH)
		return { sent: true as const, email: user.email, error: null }
	} catch (error) {
		return replyWithProblem(error, (e) => ({ sent: false as const, email: user.email, error: e.message }))
	}
}

const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function VerifyEmailRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const pending = navigation.state === 'submitting'

	if (loaderData.state === 'verified') {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">Email address confirmed</h1>
				<p className="mt-3 text-stone-700">
					Thank you. Your email address is confirmed, so your certificates can reach you.
				</p>
				<p className="mt-6">
					{loaderData.signedIn ? (
						<Link to={DEFAULT_SIGNED_IN_PATH} className={buttonClasses()}>
							Go to my learning
						</Link>
					) : (
						<Link to="/login" className={buttonClasses()}>
							Log in
						</Link>
					)}
				</p>
			</>
		)
	}

	const resendForm = (
		<Form method="post" className="mt-6 space-y-4">
			<FormErrors errors={[actionData?.error]} title="We could not send a new link" />
			{actionData?.sent ? (
				<Notice tone="success" role="status" title="We have sent a new link">
					Check the inbox for {actionData.email}. The link lasts for 48 hours.
				</Notice>
			) : null}
			<SubmitButton pending={pending} pendingText="Sending…">
				Send a new link
			</SubmitButton>
		</Form>
	)

	if (loaderData.state === 'failed') {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">We could not confirm your email address</h1>
				<p className="mt-3 text-stone-700">{loaderData.message}</p>
				{loaderData.canResend ? (
					resendForm
				) : loaderData.signedIn ? (
					<p className="mt-6">
						<Link to={DEFAULT_SIGNED_IN_PATH} className={buttonClasses()}>
							Go to my learning
						</Link>
					</p>
				) : (
					<p className="mt-6 text-stone-700">
						<Link to={`/login?${new URLSearchParams({ redirectTo: '/verify-email' })}`} className={linkClasses}>
							Log in
						</Link>{' '}
						to ask for a new link.
					</p>
				)}
			</>
		)
	}

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">Check your inbox</h1>
			<p className="mt-3 text-stone-700">
				We sent a link to <strong className="font-semibold break-words">{loaderData.email}</strong>. Open it to confirm
				your email address. It may take a few minutes to arrive, so check your junk or spam folder too.
			</p>
			<p className="mt-3 text-stone-700">Did not get it? We can send a new one.</p>
			{resendForm}
		</>
	)
}
