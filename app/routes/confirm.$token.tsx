import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { confirmRecord, getConfirmation } from '#modules/reflective-records/confirmations.ts'
import { confirmationSchema } from '#modules/reflective-records/schemas.ts'
import type { Route } from './+types/confirm.$token'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('confirm.metaTitle', { ns: 'public-pages' }), t('confirm.metaDescription', { ns: 'public-pages' }))
}

// The partner has no account: the token in the link is the only key, and it works once.
export async function loader({ params }: Route.LoaderArgs) {
	const confirmation = await withDomainErrors(() => getConfirmation({ token: params.token }))
	return {
		state: confirmation.state,
		recordId: confirmation.recordId,
		kind: confirmation.kind,
		title: confirmation.title,
		date: confirmation.date,
		learnerName: confirmation.learnerName,
		invitedEmail: confirmation.invitedEmail,
		asksForPin: confirmation.asksForPin,
		signOff: confirmation.signOff,
		sections: confirmation.sections,
		today: londonToday(),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const confirmation = await withDomainErrors(() => getConfirmation({ token: params.token }))
	const formData = await request.formData()
	const submission = parseWithZod(formData, {
		schema: confirmationSchema({ pin: confirmation.asksForPin, signOff: confirmation.signOff }),
	})
	if (submission.status !== 'success') return data({ result: submission.reply(), done: false }, { status: 400 })
	try {
		await confirmRecord({
			token: params.token,
			recordId: String(formData.get('recordId') ?? ''),
			input: submission.value,
		})
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, done: false }, reply.init ?? undefined)
	}
	return { result: submission.reply({ resetForm: true }), done: true }
}

export default function ConfirmRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { state, recordId, kind, title, date, learnerName, invitedEmail, asksForPin, signOff, sections, today } =
		loaderData
	const navigation = useNavigation()
	const { t } = useTranslation('public-pages')
	const { date: formatDate } = useFormat()
	const formLabel = t(`confirm.kinds.${kind}`)
	const schema = confirmationSchema({ pin: asksForPin, signOff })
	const [form, fields] = useForm({
		id: 'confirm-record',
		lastResult: actionData?.result,
		defaultValue: { email: invitedEmail, date },
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})

	if (actionData?.done || state === 'confirmed') {
		return (
			<Container width="prose" className="py-10 sm:py-12">
				<h1 className="text-3xl font-bold tracking-tight text-stone-900">
					{actionData?.done
						? t('confirm.thanks')
						: signOff
							? t('confirm.alreadySignedOff')
							: t('confirm.alreadyConfirmed')}
				</h1>
				<Notice
					tone="success"
					role="status"
					className="mt-6"
					title={t(signOff ? 'confirm.doneSignedOff' : 'confirm.doneConfirmed', {
						learner: learnerName,
						form: formLabel,
					})}
				>
					{actionData?.done ? t('confirm.added') : t('confirm.used')}
				</Notice>
			</Container>
		)
	}
	if (state !== 'open') {
		return (
			<Container width="prose" className="py-10 sm:py-12">
				<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('confirm.noLonger')}</h1>
				<p className="mt-4 text-lg text-stone-700">
					{state === 'expired'
						? t('confirm.expired', { learner: learnerName })
						: t('confirm.superseded', { learner: learnerName })}
				</p>
			</Container>
		)
	}
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-stone-600">{formLabel}</p>
			<h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900">
				{t(signOff ? 'confirm.headingSignOff' : 'confirm.headingConfirm', { learner: learnerName })}
			</h1>
			{signOff ? (
				<>
					<p className="mt-3 text-lg text-stone-700">
						{t('confirm.signOffIntro', { learner: learnerName, title, date: formatDate(date) })}
					</p>
					<section aria-labelledby="record-heading" className="mt-6 rounded-2xl border border-stone-200 bg-white p-5">
						<h2 id="record-heading" className="text-xl font-bold text-stone-900">
							{t('confirm.wrote', { learner: learnerName })}
						</h2>
						<dl className="mt-3 space-y-4">
							{sections.map((section) => (
								<div key={section.key}>
									<dt className="font-semibold text-stone-900">{section.heading}</dt>
									<dd className="mt-1 whitespace-pre-line text-stone-700">{section.text}</dd>
								</div>
							))}
						</dl>
					</section>
				</>
			) : (
				<p className="mt-3 text-lg text-stone-700">
					{t(asksForPin ? 'confirm.partnerIntro' : 'confirm.peerIntro', {
						learner: learnerName,
						title,
						date: formatDate(date),
					})}
				</p>
			)}
			<Form
				method="post"
				className="mt-8 space-y-6"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? form.errorId : undefined}
			>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="recordId" value={recordId} />
				<Field
					labelProps={{ children: t('confirm.name') }}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				{asksForPin ? (
					<Field
						labelProps={{ children: t('confirm.pin') }}
						description={t('confirm.pinDescription')}
						inputProps={{
							...getInputProps(fields.pin, { type: 'text' }),
							autoComplete: 'off',
							spellCheck: false,
							required: true,
							className: 'sm:max-w-xs uppercase',
						}}
						errors={fields.pin.errors}
						// The PIN is checked as soon as they move on (often by reaching for the checkbox below):
						// its error's line is kept free beforehand, so the message appearing moves nothing under it.
						className={fields.pin.errors?.length ? undefined : 'pb-7'}
					/>
				) : (
					<Field
						labelProps={{ children: t('confirm.role') }}
						description={signOff ? t('confirm.roleSignOff') : t('confirm.rolePeer')}
						inputProps={{ ...getInputProps(fields.role, { type: 'text' }) }}
						errors={fields.role.errors}
					/>
				)}
				<Field
					labelProps={{ children: t('confirm.email') }}
					inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', required: true }}
					errors={fields.email.errors}
				/>
				<Field
					labelProps={{ children: signOff ? t('confirm.dateSignOff') : t('confirm.dateDiscussion') }}
					inputProps={{
						...getInputProps(fields.date, { type: 'date' }),
						max: today,
						min: '1990-01-01',
						required: true,
						className: 'sm:max-w-xs',
					}}
					errors={fields.date.errors}
				/>
				{signOff ? (
					<TextareaField
						labelProps={{ children: t('confirm.comment') }}
						description={t('confirm.commentDescription')}
						textareaProps={{ ...getTextareaProps(fields.comment), rows: 4 }}
						errors={fields.comment.errors}
					/>
				) : null}
				<div>
					<label className="flex min-h-11 items-start gap-3">
						<input
							type="checkbox"
							id={fields.agree.id}
							name={fields.agree.name}
							form={form.id}
							value="on"
							aria-invalid={fields.agree.errors?.length ? true : undefined}
							className="mt-1 size-5 accent-brand-700"
							aria-describedby={fields.agree.errors?.length ? fields.agree.errorId : undefined}
						/>
						<span className="text-stone-900">
							{t(signOff ? 'confirm.agreeSignOff' : asksForPin ? 'confirm.agreeDiscussion' : 'confirm.agreePeer', {
								learner: learnerName,
							})}
						</span>
					</label>
					<ErrorList id={fields.agree.errors?.length ? fields.agree.errorId : undefined} errors={fields.agree.errors} />
				</div>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('confirm.submitting')}>
					{signOff ? t('confirm.signOff') : t('confirm.confirm')}
				</SubmitButton>
			</Form>
		</Container>
	)
}
