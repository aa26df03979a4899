import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
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
import { metaT, useFormat, useTranslateError } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { DEFAULT_SIGNED_IN_PATH } from '#app/utils/paths.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { PASSWORD_MIN_LENGTH } from '#modules/auth/schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { acceptInvitation, getInvitation, signUpAndAcceptInvitation } from '#modules/organisations/invitations.ts'
import { InvitationSignUpSchema } from '#modules/organisations/schemas.ts'
import type { Route } from './+types/invitations.$token'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data && 'invitation' in data && data.invitation
			? t('invitation.metaTitleJoin', { ns: 'public-pages', organisation: data.invitation.organisationName })
			: t('invitation.metaTitle', { ns: 'public-pages' }),
		t('invitation.metaDescription', { ns: 'public-pages' }),
		NOINDEX,
		// The address carries a single-use secret: never send it to another site as a referrer.
		{ name: 'referrer', content: 'no-referrer' },
	)
}

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
		const t = await getT(request)
		return data(
			{
				intent: 'signup',
				message: null,
				result: submission.reply({
					formErrors: [t('invitation.alreadySignedIn', { ns: 'public-pages' })],
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
	const { t } = useTranslation('public-pages')
	const { date: formatDate } = useFormat()
	const translateError = useTranslateError()
	if (!invitation) {
		return (
			<Container width="prose" className="py-12">
				<h1 className="text-3xl font-bold text-stone-900">
					{problem?.code === 'INVITATION_USED'
						? t('invitation.used')
						: problem?.code === 'INVITATION_REVOKED'
							? t('invitation.revoked')
							: problem?.code === 'INVITATION_EXPIRED'
								? t('invitation.expired')
								: t('invitation.notFound')}
				</h1>
				<p className="mt-4 text-lg leading-relaxed text-stone-700">
					{problem ? translateError(problem.message) : null}
				</p>
				<p className="mt-8 flex flex-wrap gap-4">
					{user ? (
						<ButtonLink to={DEFAULT_SIGNED_IN_PATH}>{t('invitation.myLearning')}</ButtonLink>
					) : (
						<ButtonLink to="/login">{t('invitation.logIn')}</ButtonLink>
					)}
					<ButtonLink to="/courses" variant="secondary">
						{t('invitation.browse')}
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
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('invitation.eyebrow')}</p>
			<h1 className="mt-2 text-3xl font-bold text-stone-900">
				{t('invitation.heading', { organisation: invitation.organisationName })}
			</h1>
			<div className="mt-4 space-y-3 text-lg leading-relaxed text-stone-700">
				<p>
					<Trans
						t={t}
						i18nKey={invitation.course ? 'invitation.invitedCourse' : 'invitation.invitedJoin'}
						values={{
							inviter: invitation.inviterName ?? invitation.organisationName,
							email: invitation.email,
							course: invitation.course?.title,
							organisation: invitation.organisationName,
						}}
						components={{
							strong: <strong className="break-all text-stone-900" />,
							course: <strong className="text-stone-900" />,
						}}
					/>
				</p>
				<p className="text-base text-stone-600">{t('invitation.once', { date: formatDate(invitation.expiresAt) })}</p>
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
						<h2 className="text-xl font-semibold text-stone-900">{t('invitation.otherAddress')}</h2>
						<p>
							<Trans
								t={t}
								i18nKey="invitation.otherAddressBody"
								values={{ user: user.email, email: invitation.email }}
								components={{ strong: <strong className="break-all" /> }}
							/>
						</p>
						<Form method="post" action="/logout">
							<button type="submit" className={`${linkClasses} min-h-11`}>
								{t('invitation.logOut')}
							</button>
						</Form>
					</div>
				) : invitation.hasAccount ? (
					<div className="space-y-4 text-stone-800">
						<h2 className="text-xl font-semibold text-stone-900">{t('invitation.logInToAccept')}</h2>
						<p>
							<Trans
								t={t}
								i18nKey="invitation.hasAccount"
								values={{ email: invitation.email }}
								components={{ strong: <strong className="break-all" /> }}
							/>
						</p>
						<ButtonLink to={loginHref}>{t('invitation.logInToAccept')}</ButtonLink>
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
	const { t } = useTranslation('public-pages')
	return (
		<Form method="post" className="space-y-4">
			<h2 className="text-xl font-semibold text-stone-900">{t('invitation.welcome', { name })}</h2>
			<p className="text-stone-700">
				{courseTitle ? t('invitation.acceptCourse', { course: courseTitle }) : t('invitation.acceptJoin')}
			</p>
			<input type="hidden" name="intent" value="accept" />
			<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('invitation.accepting')}>
				{t('invitation.accept')}
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
	const { t } = useTranslation('public-pages')
	const [form, fields] = useForm({
		id: 'invitation-signup',
		lastResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationSignUpSchema }),
	})
	return (
		<>
			<h2 className="text-xl font-semibold text-stone-900">{t('invitation.createHeading')}</h2>
			<p className="mt-1 text-stone-700">{t('invitation.createIntro')}</p>
			<Form
				method="post"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? form.errorId : undefined}
				className="mt-6 space-y-5"
			>
				<FormErrors id={form.errorId} errors={form.errors} title={t('invitation.notCreated')} />
				<input type="hidden" name="intent" value="signup" />
				<Field
					labelProps={{ children: t('invitation.email') }}
					description={t('invitation.emailDescription')}
					// Read-only, and not submitted: the server uses the invited address. It is here for password managers.
					inputProps={{ id: 'invitation-email', type: 'email', value: email, readOnly: true, autoComplete: 'username' }}
				/>
				<Field
					labelProps={{ children: t('invitation.name') }}
					description={t('invitation.nameDescription')}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: t('invitation.password') }}
					description={t('invitation.passwordRules', { min: PASSWORD_MIN_LENGTH })}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('invitation.creating')}>
					{t('invitation.create')}
				</SubmitButton>
			</Form>
			<p className="mt-6 border-t border-stone-200 pt-4 text-stone-700">
				{t('invitation.haveAccount')}{' '}
				<Link to={loginHref} className={linkClasses}>
					{t('invitation.logInToAccept')}
				</Link>
			</p>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
