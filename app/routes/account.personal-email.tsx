import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { removePersonalEmail, setPersonalEmail, verifyPersonalEmail } from '#modules/auth/personal-email.ts'
import { PersonalEmailSchema } from '#modules/auth/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/account.personal-email'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Your personal email | Circle',
		'Add a personal email address so you can sign in and keep your CPD record if you leave your job.',
	)

/** The person's personal address and whether it is confirmed; `?token=` (the emailed link) confirms it. */
export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const user = await requireUser(request, { redirectTo: `${url.pathname}${url.search}` })
	let linkProblem: string | null = null
	let confirmed = false
	const token = url.searchParams.get('token')
	if (token) {
		try {
			await verifyPersonalEmail({ userId: user.id, token })
			confirmed = true
		} catch (error) {
			if (!isDomainError(error)) throw error
			linkProblem = error.message
		}
	}
	const account = await prisma.user.findUniqueOrThrow({
		where: { id: user.id },
		select: { email: true, personalEmail: true, personalEmailVerifiedAt: true },
	})
	return {
		email: account.email,
		personalEmail: account.personalEmail,
		verified: account.personalEmailVerifiedAt !== null,
		confirmed,
		linkProblem,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	if (formData.get('intent') === 'remove') {
		await removePersonalEmail({ userId: user.id })
		return { result: null, sent: false, removed: true }
	}
	const submission = parseWithZod(formData, { schema: PersonalEmailSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sent: false, removed: false }, { status: 400 })
	try {
		const { sent } = await setPersonalEmail({
			userId: user.id,
			email: submission.value.personalEmail,
			ipAddress: context.clientIp,
		})
		return { result: submission.reply(), sent, removed: false }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function PersonalEmailRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const reply = actionData && 'sent' in actionData ? actionData : null
	const [form, fields] = useForm({
		id: 'personal-email',
		lastResult: actionData?.result ?? undefined,
		defaultValue: { personalEmail: loaderData.personalEmail ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonalEmailSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Your personal email</h2>
			<p className="mt-2 max-w-prose text-stone-700">
				Your certificates, CPD and reflections belong to you, not to your employer. Add an address that stays yours
				(not a work one) and confirm it: you can then sign in with it and reset your password with it, even after
				you leave your job or your organisation’s sign-in stops working for you. While an organisation that requires
				its own sign-in still has you as a member, you sign in there with its sign-in.
			</p>
			<div className="mt-6 max-w-xl space-y-4">
				{loaderData.confirmed ? (
					<Notice tone="success" role="status" title="Your personal email is confirmed">
						You can now sign in with {loaderData.personalEmail}.
					</Notice>
				) : null}
				{loaderData.linkProblem ? (
					<Notice tone="error" role="alert" title="That link did not work">
						{loaderData.linkProblem}
					</Notice>
				) : null}
				{reply?.sent ? (
					<Notice tone="success" role="status" title="Check your inbox">
						We have sent a link to confirm the address. It works for 48 hours.
					</Notice>
				) : null}
				{reply?.removed ? (
					<Notice tone="success" role="status" title="Your personal email has been removed">
						You sign in with {loaderData.email} only.
					</Notice>
				) : null}
				{loaderData.personalEmail && !reply?.removed ? (
					<p className="text-stone-700">
						{loaderData.personalEmail}:{' '}
						<strong className="font-semibold">{loaderData.verified ? 'confirmed' : 'waiting for you to confirm it'}</strong>
					</p>
				) : null}
			</div>
			<Form method="post" className="mt-6 max-w-xl space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: loaderData.personalEmail ? 'Change your personal email' : 'Personal email address' }}
					description={`Not your work address (${loaderData.email}).`}
					inputProps={{ ...getInputProps(fields.personalEmail, { type: 'email' }), autoComplete: 'email', required: true }}
					errors={fields.personalEmail.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Sending the link…">
					Send me a link to confirm it
				</SubmitButton>
			</Form>
			{loaderData.personalEmail ? (
				<Form method="post" className="mt-6">
					<input type="hidden" name="intent" value="remove" />
					<Button type="submit" variant="secondary">
						Remove my personal email
					</Button>
				</Form>
			) : null}
		</>
	)
}
