import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { NewsletterSignupSchema, type NewsletterSource } from '#modules/newsletter/schemas.ts'
import { SectorCheckboxes } from './sector-checkboxes.tsx'

/** What /newsletter/subscribe answers: Conform's reply, and `done` once the sign-up is taken. */
export type SignupActionData = { result: SubmissionResult<string[]>; done?: boolean }

/**
 * "Join the inner circle": email, optional name and sectors, posting to /newsletter/subscribe. With
 * JavaScript it submits in place (a fetcher); without, the browser posts to that page, which shows
 * the same form and answer. `source` (footer, home, …) is recorded with the consent. Errors sit beside
 * their fields with what was typed kept; on success focus moves to the answer.
 */
export function NewsletterSignupForm({
	source,
	className,
	headingLevel = 2,
	lastResult,
	instance = 'form',
}: {
	source: NewsletterSource
	className?: string
	headingLevel?: 1 | 2
	/** For the no-JavaScript page: the action's reply when the browser posted there. */
	lastResult?: SignupActionData | null
	/** Tells apart two forms for the same source on one page (ids, the fetcher). */
	instance?: string
}) {
	const { t } = useTranslation('newsletter')
	const fetcher = useFetcher<SignupActionData>({ key: `newsletter-signup-${source}-${instance}` })
	const reply = fetcher.data ?? lastResult ?? undefined
	const id = `newsletter-${source}-${instance}`
	const [form, fields] = useForm({
		id,
		lastResult: fetcher.state === 'idle' ? reply?.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewsletterSignupSchema }),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
	})
	const done = fetcher.state === 'idle' && Boolean(reply?.done)
	const doneRef = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (done) doneRef.current?.focus()
	}, [done])
	const Heading = headingLevel === 1 ? 'h1' : 'h2'

	return (
		<section
			aria-labelledby={`${id}-heading`}
			className={cx('on-light rounded-2xl bg-white p-6 text-stone-900 shadow-sm', className)}
		>
			<Heading id={`${id}-heading`} className="text-xl font-bold text-stone-900">
				{t('signup.heading')}
			</Heading>
			<p className="mt-2 text-stone-700">{t('signup.intro')}</p>
			{done ? (
				<div ref={doneRef} tabIndex={-1} className="mt-4 outline-none">
					<Notice tone="success" role="status" title={t('signup.doneTitle')}>
						{t('signup.done')}
					</Notice>
				</div>
			) : (
				<fetcher.Form method="post" action="/newsletter/subscribe" className="mt-4 space-y-4" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<input type="hidden" name="source" value={source} />
					<Field
						labelProps={{ children: t('signup.emailLabel') }}
						inputProps={{
							...getInputProps(fields.email, { type: 'email' }),
							autoComplete: 'email',
							spellCheck: false,
							required: true,
						}}
						errors={fields.email.errors}
					/>
					<Field
						labelProps={{ children: t('signup.nameLabel') }}
						inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
						errors={fields.name.errors}
					/>
					<SectorCheckboxes
						id={fields.sectors.id}
						legend={t('signup.sectorsLegend')}
						hint={t('signup.sectorsHint')}
						defaultValue={[fields.sectors.initialValue ?? []].flat().filter((v): v is string => typeof v === 'string')}
						errors={fields.sectors.errors}
					/>
					<p className="text-sm text-stone-700">{t('signup.consent')}</p>
					<SubmitButton pending={fetcher.state !== 'idle'} pendingText={t('signup.pending')}>
						{t('signup.submit')}
					</SubmitButton>
				</fetcher.Form>
			)}
		</section>
	)
}
