import type { SubmissionResult } from '@conform-to/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { cx } from '#app/components/ui/cx.ts'
import type { NewsletterSource } from '#modules/newsletter/options.ts'
import { SectorCheckboxes } from './sector-checkboxes.tsx'

/** What /newsletter/subscribe answers: Conform's reply, and `done` once the sign-up is taken. */
export type SignupActionData = { result: SubmissionResult<string[]>; done?: boolean }

/**
 * "Join the inner circle": email, optional name and sectors, posting to /newsletter/subscribe. With
 * JavaScript it submits in place (a fetcher); without, the browser posts to that page, which shows
 * the same form and answer. `source` (footer, home, …) is recorded with the consent. Errors sit beside
 * their fields with what was typed kept; on success focus moves to the answer.
 *
 * The server's schema is the only check (its reply is Conform's, read here directly): the form is in
 * every page's footer, and Conform with zod in the browser would add ~40 KB of gzip JavaScript to
 * every page for a three-field form (ADR 0053).
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
	const { t } = useTranslation('newsletter-signup')
	const fetcher = useFetcher<SignupActionData>({ key: `newsletter-signup-${source}-${instance}` })
	const reply = fetcher.data ?? lastResult ?? undefined
	const id = `newsletter-${source}-${instance}`
	const result = fetcher.state === 'idle' ? reply?.result : undefined
	const errors = result?.error ?? {}
	const initial = (result?.initialValue ?? {}) as Record<string, unknown>
	const done = fetcher.state === 'idle' && Boolean(reply?.done)
	const doneRef = useRef<HTMLDivElement>(null)
	const formRef = useRef<HTMLFormElement>(null)
	useEffect(() => {
		if (done) doneRef.current?.focus()
	}, [done])
	// After a refused sign-up, focus goes to the first field with an error, as Conform's forms do.
	useEffect(() => {
		if (!result?.error) return
		const first = ['email', 'name', 'sectors'].find((name) => result.error?.[name]?.length)
		if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
	}, [result])
	const formErrors = errors['']
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
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
				<fetcher.Form
					ref={formRef}
					id={id}
					method="post"
					action="/newsletter/subscribe"
					className="mt-4 space-y-4"
					noValidate
					aria-invalid={formErrors?.length ? true : undefined}
					aria-describedby={formErrors?.length ? `${id}-form-error` : undefined}
				>
					<FormErrors id={`${id}-form-error`} errors={formErrors} />
					<input type="hidden" name="source" value={source} />
					<Field
						labelProps={{ children: t('signup.emailLabel') }}
						inputProps={{
							id: `${id}-email`,
							name: 'email',
							type: 'email',
							defaultValue: text(initial.email),
							autoComplete: 'email',
							spellCheck: false,
							required: true,
						}}
						errors={errors.email}
					/>
					<Field
						labelProps={{ children: t('signup.nameLabel') }}
						inputProps={{
							id: `${id}-name`,
							name: 'name',
							type: 'text',
							defaultValue: text(initial.name),
							autoComplete: 'name',
						}}
						errors={errors.name}
					/>
					<SectorCheckboxes
						id={`${id}-sectors`}
						legend={t('signup.sectorsLegend')}
						hint={t('signup.sectorsHint')}
						defaultValue={[initial.sectors ?? []].flat().filter((v): v is string => typeof v === 'string')}
						errors={errors.sectors}
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
