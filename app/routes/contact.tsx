import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useRouteLoaderData, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { parseSector } from '#app/utils/format.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { ENQUIRY_LIMITS, ENQUIRY_SECTORS, EnquirySchema } from '#modules/enquiries/schemas.ts'
import { submitEnquiry } from '#modules/enquiries/submit-enquiry.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/contact'
import type { loader as rootLoader } from '../root.tsx'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('contact.meta.title', { ns: 'public-pages' }),
		t('contact.meta.description', { ns: 'public-pages' }),
	)
}

const HELP_ITEMS = ['seats', 'programmes', 'blended', 'evidence'] as const

export async function action({ request, context }: Route.ActionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: EnquirySchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })

	try {
		await submitEnquiry({ enquiry: submission.value, ipAddress: context.clientIp })
	} catch (error) {
		// Refusals the sender can act on go back to the form, with everything they typed kept.
		if (isDomainError(error) && (error.kind === 'throttled' || error.kind === 'invalid')) {
			return replyWithDomainError(submission, error)
		}
		throw error
	}
	// Post/redirect/get: refreshing the thank-you page does not send the enquiry again.
	return redirect('/contact?sent=1')
}

export default function ContactRoute({ actionData }: Route.ComponentProps) {
	const [searchParams] = useSearchParams()
	const sent = searchParams.get('sent') === '1'
	const { t } = useTranslation('public-pages')
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-12 sm:py-14">
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('contact.eyebrow')}</p>
					<h1 className="mt-2 text-4xl font-bold tracking-tight text-brand-900">{t('contact.heading')}</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">{t('contact.intro')}</p>
				</Container>
			</div>
			<Container className="grid gap-10 py-12 lg:grid-cols-[1fr_1.4fr] lg:gap-16">
				<div className="space-y-8">
					<section aria-labelledby="help-heading">
						<h2 id="help-heading" className="text-xl font-semibold text-stone-900">
							{t('contact.help.heading')}
						</h2>
						<ul className="mt-4 space-y-3">
							{HELP_ITEMS.map((item) => (
								<li key={item} className="flex gap-3 leading-relaxed text-stone-700">
									<CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-700" />
									<span>{t(`contact.help.${item}`)}</span>
								</li>
							))}
						</ul>
					</section>
					<section aria-labelledby="next-heading" className="rounded-2xl border border-stone-200 bg-white p-6">
						<h2 id="next-heading" className="text-xl font-semibold text-stone-900">
							{t('contact.next.heading')}
						</h2>
						<p className="mt-3 leading-relaxed text-stone-700">{t('contact.next.body')}</p>
						<p className="mt-3 leading-relaxed text-stone-700">
							<Trans
								t={t}
								i18nKey="contact.next.single"
								components={{
									courses: <Link to="/courses" className="font-semibold text-brand-700 underline underline-offset-2" />,
								}}
							/>
						</p>
					</section>
				</div>
				<div>{sent ? <ThankYou /> : <EnquiryForm lastResult={actionData?.result} />}</div>
			</Container>
		</>
	)
}

function ThankYou() {
	const { t } = useTranslation('public-pages')
	const ref = useRef<HTMLDivElement>(null)
	// The page changed under the reader after submitting: take focus to the confirmation so it is read.
	useEffect(() => ref.current?.focus(), [])
	return (
		<div
			ref={ref}
			tabIndex={-1}
			role="status"
			className="rounded-2xl border border-green-200 bg-green-50 p-6 text-green-950 sm:p-8"
		>
			<span className="grid size-12 place-items-center rounded-full bg-green-700 text-white" aria-hidden="true">
				<CheckIcon className="size-7" />
			</span>
			<h2 className="mt-4 text-2xl font-bold tracking-tight">{t('contact.thanks.heading')}</h2>
			<p className="mt-3 text-lg leading-relaxed">{t('contact.thanks.body')}</p>
			<p className="mt-5 flex flex-wrap gap-x-6 gap-y-2">
				<Link to="/courses" className="font-semibold text-green-900 underline underline-offset-2">
					{t('contact.thanks.browse')}
				</Link>
				<Link to="/contact" className="font-semibold text-green-900 underline underline-offset-2">
					{t('contact.thanks.another')}
				</Link>
			</p>
		</div>
	)
}

function EnquiryForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
	const { t } = useTranslation('public-pages')
	const root = useRouteLoaderData<typeof rootLoader>('root')
	const navigation = useNavigation()
	const pending = navigation.state === 'submitting' && navigation.formAction === '/contact'
	// A sector page's "Talk to us" link names its sector: /contact?sector=schools.
	const [searchParams] = useSearchParams()
	const sector = parseSector(searchParams.get('sector'))
	const [form, fields] = useForm({
		id: 'enquiry',
		lastResult,
		constraint: getZodConstraint(EnquirySchema),
		// Signed-in people should not have to type what we already know.
		defaultValue: {
			name: root?.user?.name ?? '',
			email: root?.user?.email ?? '',
			sector: sector && (ENQUIRY_SECTORS as readonly string[]).includes(sector) ? sector : undefined,
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EnquirySchema }),
	})
	const formErrorId = `${form.id}-form-error`
	return (
		<Form
			method="post"
			action="/contact"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? formErrorId : undefined}
			className="space-y-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
		>
			<h2 className="text-xl font-semibold text-stone-900">{t('contact.form.heading')}</h2>
			<FormErrors id={formErrorId} errors={form.errors} title={t('contact.form.notSent')} />
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: t('contact.form.name') }}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: t('contact.form.email') }}
					inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', spellCheck: false }}
					errors={fields.email.errors}
				/>
			</div>
			<Field
				labelProps={{ children: t('contact.form.organisation') }}
				inputProps={{ ...getInputProps(fields.organisationName, { type: 'text' }), autoComplete: 'organization' }}
				errors={fields.organisationName.errors}
			/>
			<div className="grid gap-6 sm:grid-cols-2">
				<SelectField
					labelProps={{ children: t('contact.form.sector') }}
					selectProps={getSelectProps(fields.sector)}
					placeholder={t('contact.form.chooseSector')}
					options={ENQUIRY_SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`, { ns: 'catalogue' }) }))}
					errors={fields.sector.errors}
				/>
				<Field
					labelProps={{ children: t('contact.form.staff') }}
					description={t('contact.form.staffHint')}
					// A text input with a numeric keyboard: type="number" changes values on scroll and is hard to use.
					inputProps={{ ...getInputProps(fields.staffCount, { type: 'text' }), inputMode: 'numeric' }}
					errors={fields.staffCount.errors}
				/>
			</div>
			<TextareaField
				labelProps={{ children: t('contact.form.message') }}
				description={t('contact.form.messageHint', { min: ENQUIRY_LIMITS.messageMin })}
				textareaProps={{ ...getTextareaProps(fields.message), rows: 6 }}
				errors={fields.message.errors}
			/>
			<SubmitButton pending={pending} pendingText={t('contact.form.sending')}>
				{t('contact.form.send')}
			</SubmitButton>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
