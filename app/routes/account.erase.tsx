import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { destroySessionCookie, requireAuthSession } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { confirmErasureIdentity, erasureReauthMethod } from '#modules/data-rights/confirm-identity.ts'
import { eraseAccount, soleOwnedOrganisations } from '#modules/data-rights/erasure.ts'
import { EraseOwnAccountSchema } from '#modules/data-rights/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import type { Route } from './+types/account.erase'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Erase your account | Circle',
		'Erase your Circle account and the personal data it holds. Your certificates still verify, without your name.',
	)

export async function loader({ request }: Route.LoaderArgs) {
	const { user } = await requireAuthSession(request)
	return {
		email: user.email,
		reauth: await erasureReauthMethod(user.id),
		soleOwnerOf: await soleOwnedOrganisations(prisma, user.id),
		isPlatformAdmin: user.role === 'ADMIN',
	}
}

const hideFields = ['password']

/** Erases the signed-in person's own account once they have proved it is them; then signs them out. */
export async function action({ request }: Route.ActionArgs) {
	const { session, user } = await requireAuthSession(request)
	const submission = parseWithZod(await request.formData(), { schema: EraseOwnAccountSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 })
	const now = new Date()
	try {
		await confirmErasureIdentity({
			userId: user.id,
			password: submission.value.password,
			confirmEmail: submission.value.confirmEmail,
			sessionCreatedAt: session.createdAt,
			now,
		})
		await eraseAccount({
			actor: { kind: 'self', userId: user.id },
			userId: user.id,
			reason: 'Erased by the account holder from their account page',
			now,
		})
	} catch (error) {
		return replyWithDomainError(submission, error, { hideFields })
	}
	return redirect('/account-erased', { headers: { 'Set-Cookie': destroySessionCookie() } })
}

export default function EraseAccountRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'erase-account',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseOwnAccountSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const blocked = loaderData.soleOwnerOf.length > 0 || loaderData.isPlatformAdmin

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Erase your account</h2>
			<p className="mt-2 text-stone-700">
				You have the right to ask us to erase your personal data (UK GDPR, article 17). Here you can do it yourself, at
				once. It cannot be undone.
			</p>
			<h3 className="mt-6 text-lg font-semibold text-stone-900">What happens</h3>
			<ul className="mt-2 list-disc space-y-1 pl-6 text-stone-700">
				<li>Your name, email addresses (including a personal one), profession and registration details are removed.</li>
				<li>
					Your reflections, quiz answers in your own words, CPD record, reflective records, follow-ups and reminders are
					deleted.
				</li>
				<li>
					Your passkeys, authenticator app, recovery codes and single sign-on links are removed, and you are signed out
					on every device. Nobody can sign in to the account again.
				</li>
				<li>
					Emails to you, and the network addresses and browsers we recorded for you, are deleted from our records.
				</li>
				<li>
					Your certificates still verify as issued, but show “Name removed at the holder’s request” instead of your name
					(unless an organisation that paid for your place keeps names on its certificates by its retention policy).
				</li>
				<li>
					Organisations you belonged to still count your place and completions in their totals, without your name.
				</li>
			</ul>
			<Notice tone="warning" title="Download anything you want to keep first" className="mt-6">
				Once your account is erased we cannot send you your certificates or CPD record again.
			</Notice>

			{loaderData.isPlatformAdmin ? (
				<Notice tone="warning" title="You are a platform administrator" className="mt-6" role="status">
					Ask another platform administrator to change your role first, then come back here.
				</Notice>
			) : null}
			{loaderData.soleOwnerOf.length > 0 ? (
				<Notice tone="warning" title="You are the only owner of an organisation" className="mt-6" role="status">
					You own {loaderData.soleOwnerOf.join(', ')} alone. Make another member an owner first, so that the
					organisation is not left without one, then come back here.
				</Notice>
			) : null}

			{blocked ? null : (
				<Form method="post" className="mt-8 max-w-xl space-y-5" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<Field
						labelProps={{ children: 'Your email address' }}
						description={`Type ${loaderData.email} to show this is the account you mean.`}
						inputProps={{
							...getInputProps(fields.confirmEmail, { type: 'email' }),
							autoComplete: 'off',
							spellCheck: false,
							required: true,
						}}
						errors={fields.confirmEmail.errors}
					/>
					{loaderData.reauth === 'password' ? (
						<Field
							labelProps={{ children: 'Your password' }}
							description="To prove it is you."
							inputProps={{
								...getInputProps(fields.password, { type: 'password' }),
								autoComplete: 'current-password',
								required: true,
							}}
							errors={fields.password.errors}
						/>
					) : (
						<p className="text-stone-700">
							Your account has no password, so you must have signed in (with your organisation’s single sign-on or a
							passkey) in the last 15 minutes. If it has been longer, sign out and sign in again first.
						</p>
					)}
					<div>
						<label className="flex min-h-11 items-start gap-3">
							<input
								type="checkbox"
								id={fields.understand.id}
								name={fields.understand.name}
								value="on"
								aria-invalid={fields.understand.errors?.length ? true : undefined}
								aria-describedby={fields.understand.errors?.length ? fields.understand.errorId : undefined}
								className="mt-1 size-5 accent-brand-700"
							/>
							<span className="text-stone-900">
								I understand that my account and personal data will be erased now and cannot be restored.
							</span>
						</label>
						<ErrorList
							id={fields.understand.errors?.length ? fields.understand.errorId : undefined}
							errors={fields.understand.errors}
						/>
					</div>
					<SubmitButton
						pending={navigation.state === 'submitting'}
						pendingText="Erasing…"
						className="bg-red-700 hover:bg-red-800"
					>
						Erase my account
					</SubmitButton>
				</Form>
			)}
		</>
	)
}
