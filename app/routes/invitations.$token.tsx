import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { linkClasses } from '#app/components/org/org-ui.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { getOptionalUser, requireUser } from '#app/utils/auth.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { replyWithDomainError, replyWithProblem } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { DEFAULT_SIGNED_IN_PATH } from '#app/utils/paths.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { PASSWORD_MIN_LENGTH } from '#modules/auth/schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { acceptInvitation, getInvitation, signUpAndAcceptInvitation } from '#modules/organisations/invitations.ts'
import { InvitationSignUpSchema } from '#modules/organisations/schemas.ts'
import type { Route } from './+types/invitations.$token'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		data && 'invitation' in data && data.invitation
			? `Join ${data.invitation.organisationName} | Circle`
			: 'Invitation | Circle',
		'An invitation to join an organisation on Circle and take the course it has given you a place on.',
		NOINDEX,
		// The address carries a single-use secret: never send it to another site as a referrer.
		{ name: 'referrer', content: 'no-referrer' },
	)

function problemReply(error: unknown) {
	if (!isDomainError(error) || (error.kind !== 'not_found' && error.kind !== 'gone')) throw error
	return replyWithProblem(
		error,
		{ invitation: null, problem: { code: error.code, message: error.message }, user: null },
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}

/** The invitation's organisation and course, or a clear message when the link cannot be used. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await getOptionalUser(request)
	try {
		const invitation = await getInvitation({ token: params.token })
		return data(
			{
				invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
				problem: null,
				user: user ? { name: user.name, email: user.email } : null,
			},
			{ headers: { 'Cache-Control': 'private, no-store' } },
		)
	} catch (error) {
		const reply = problemReply(error)
		return data({ ...reply.data, user: user ? { name: user.name, email: user.email } : null }, reply.init ?? undefined)
	}
}

function courseHome(courseSlug: string | null) {
	return courseSlug ? `/learn/${courseSlug}` : DEFAULT_SIGNED_IN_PATH
}

/** Accept as the signed-in user, or sign up for the invited address and accept in one step. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'accept') {
		const user = await requireUser(request)
		try {
			const { courseSlug } = await acceptInvitation({ token: params.token, userId: user.id })
			return redirect(courseHome(courseSlug))
		} catch (error) {
			return replyWithProblem(error, { intent: 'accept' as const, result: null })
		}
	}

	const submission = parseWithZod(formData, { schema: InvitationSignUpSchema })
	if (submission.status !== 'success') {
		return data(
			{ intent: 'signup', message: null, result: submission.reply({ hideFields: ['password'] }) },
			{ status: 400 },
		)
	}
	if (await getOptionalUser(request)) {
		return data(
			{
				intent: 'signup',
				message: null,
				result: submission.reply({
					formErrors: ['You are already signed in: accept the invitation with the button above.'],
					hideFields: ['password'],
				}),
			},
			{ status: 409 },
		)
	}
	try {
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const { signedIn, courseSlug } = await signUpAndAcceptInvitation({
			token: params.token,
			name: submission.value.name,
			password: submission.value.password,
			...origin,
		})
		return redirectAfterSignIn(signedIn, courseHome(courseSlug), { deviceCookie })
	} catch (error) {
		const reply = replyWithDomainError(submission, error, { hideFields: ['password'] })
		return data({ intent: 'signup', message: null, result: reply.data.result }, reply.init ?? undefined)
	}
}

export default function InvitationRoute({ loaderData, actionData, params }: Route.ComponentProps) {
	const { invitation, problem, user } = loaderData
	if (!invitation) {
		return (
			<Container width="prose" className="py-12">
				<h1 className="text-3xl font-bold text-stone-900">
					{problem?.code === 'INVITATION_USED'
						? 'This invitation has already been used'
						: problem?.code === 'INVITATION_REVOKED'
							? 'This invitation has been withdrawn'
							: problem?.code === 'INVITATION_EXPIRED'
								? 'This invitation has expired'
								: 'We could not find this invitation'}
				</h1>
				<p className="mt-4 text-lg leading-relaxed text-stone-700">{problem?.message}</p>
				<p className="mt-8 flex flex-wrap gap-4">
					{user ? (
						<ButtonLink to={DEFAULT_SIGNED_IN_PATH}>Go to my learning</ButtonLink>
					) : (
						<ButtonLink to="/login">Log in</ButtonLink>
					)}
					<ButtonLink to="/courses" variant="secondary">
						Browse courses
					</ButtonLink>
				</p>
			</Container>
		)
	}

	const here = `/invitations/${params.token}`
	const loginHref = `/login?${new URLSearchParams({ redirectTo: here })}`
	const signedInAsInvitee = user && user.email.toLowerCase() === invitation.email.toLowerCase()
	const acceptMessage = actionData?.intent === 'accept' ? actionData.message : null

	return (
		<Container width="prose" className="py-12">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Invitation</p>
			<h1 className="mt-2 text-3xl font-bold text-stone-900">Join {invitation.organisationName} on Circle</h1>
			<div className="mt-4 space-y-3 text-lg leading-relaxed text-stone-700">
				<p>
					{invitation.inviterName ? `${invitation.inviterName} has` : `${invitation.organisationName} has`} invited{' '}
					<strong className="break-all text-stone-900">{invitation.email}</strong>
					{invitation.course ? (
						<>
							{' '}
							to take <strong className="text-stone-900">{invitation.course.title}</strong>, paid for by{' '}
							{invitation.organisationName}.
						</>
					) : (
						<> to join {invitation.organisationName}.</>
					)}
				</p>
				<p className="text-base text-stone-600">
					This invitation can be used once, until {formatDate(invitation.expiresAt)}.
				</p>
			</div>

			{acceptMessage ? (
				<Notice tone="error" role="alert" className="mt-6">
					{acceptMessage}
				</Notice>
			) : null}

			<div className="mt-8 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8">
				{signedInAsInvitee ? (
					<AcceptForm name={user.name} courseTitle={invitation.course?.title ?? null} />
				) : user ? (
					<div className="space-y-3 text-stone-800">
						<h2 className="text-xl font-semibold text-stone-900">This invitation is for another address</h2>
						<p>
							You are signed in as <strong className="break-all">{user.email}</strong>, but the invitation was sent to{' '}
							<strong className="break-all">{invitation.email}</strong>. Log out, then open the link in the email again
							and log in (or sign up) with that address.
						</p>
						<Form method="post" action="/logout">
							<button type="submit" className={`${linkClasses} min-h-11`}>
								Log out
							</button>
						</Form>
					</div>
				) : invitation.hasAccount ? (
					<div className="space-y-4 text-stone-800">
						<h2 className="text-xl font-semibold text-stone-900">Log in to accept</h2>
						<p>
							There is already a Circle account for <strong className="break-all">{invitation.email}</strong>. Log in,
							and you will come straight back here to accept.
						</p>
						<ButtonLink to={loginHref}>Log in to accept</ButtonLink>
					</div>
				) : (
					<SignUpForm
						email={invitation.email}
						loginHref={loginHref}
						lastResult={actionData?.intent === 'signup' ? actionData.result : undefined}
					/>
				)}
			</div>
		</Container>
	)
}

function AcceptForm({ name, courseTitle }: { name: string; courseTitle: string | null }) {
	const navigation = useNavigation()
	return (
		<Form method="post" className="space-y-4">
			<h2 className="text-xl font-semibold text-stone-900">Welcome, {name}</h2>
			<p className="text-stone-700">
				{courseTitle
					? `Accept to join the organisation and start ${courseTitle} straight away.`
					: 'Accept to join the organisation.'}
			</p>
			<input type="hidden" name="intent" value="accept" />
			<SubmitButton pending={navigation.state === 'submitting'} pendingText="Accepting…">
				Accept invitation
			</SubmitButton>
		</Form>
	)
}

function SignUpForm({
	email,
	loginHref,
	lastResult,
}: {
	email: string
	loginHref: string
	lastResult: SubmissionResult<string[]> | null | undefined
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'invitation-signup',
		lastResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationSignUpSchema }),
	})
	return (
		<>
			<h2 className="text-xl font-semibold text-stone-900">Create your account to accept</h2>
			<p className="mt-1 text-stone-700">Your account uses the address the invitation was sent to.</p>
			<Form
				method="post"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? form.errorId : undefined}
				className="mt-6 space-y-5"
			>
				<FormErrors id={form.errorId} errors={form.errors} title="Your account has not been created" />
				<input type="hidden" name="intent" value="signup" />
				<Field
					labelProps={{ children: 'Email address' }}
					description="Set by the invitation."
					// Read-only, and not submitted: the server uses the invited address. It is here for password managers.
					inputProps={{ id: 'invitation-email', type: 'email', value: email, readOnly: true, autoComplete: 'username' }}
				/>
				<Field
					labelProps={{ children: 'Full name' }}
					description="As you would like it to appear on your certificates."
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: 'Password' }}
					description={`At least ${PASSWORD_MIN_LENGTH} characters. Three or four random words make a strong password that is easy to remember.`}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Creating your account…">
					Create account and accept
				</SubmitButton>
			</Form>
			<p className="mt-6 border-t border-stone-200 pt-4 text-stone-700">
				Already have a Circle account with this address?{' '}
				<Link to={loginHref} className={linkClasses}>
					Log in to accept
				</Link>
			</p>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
