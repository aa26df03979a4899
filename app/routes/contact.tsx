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
import { data, Form, Link, redirect, useNavigation, useRouteLoaderData, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { parseSector, SECTOR_LABELS } from '#app/utils/format.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { ENQUIRY_LIMITS, ENQUIRY_SECTORS, EnquirySchema } from '#modules/enquiries/schemas.ts'
import { submitEnquiry } from '#modules/enquiries/submit-enquiry.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/contact'
import type { loader as rootLoader } from '../root.tsx'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Get in touch | Circle',
		'Talk to Circle about relational and restorative practice training for your school, trust, NHS team, council or prison: seat licences and tailored programmes.',
	)

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
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-12 sm:py-14">
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">For organisations</p>
					<h1 className="mt-2 text-4xl font-bold tracking-tight text-brand-900">Get in touch</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">
						Thinking about relational and restorative practice for a whole school, service, team or establishment? Tell
						us a little about your organisation and what you hope to change, and we will start a conversation.
					</p>
				</Container>
			</div>
			<Container className="grid gap-10 py-12 lg:grid-cols-[1fr_1.4fr] lg:gap-16">
				<div className="space-y-8">
					<section aria-labelledby="help-heading">
						<h2 id="help-heading" className="text-xl font-semibold text-stone-900">
							What we can help with
						</h2>
						<ul className="mt-4 space-y-3">
							{[
								'Seat licences, so staff can take any of our courses and you can follow their progress',
								'Programmes built around your setting, your priorities and the training you already run',
								'Blending online CPD with live sessions, coaching and circles for leaders and teams',
								'Evidence of learning for inspections, audits and appraisals',
							].map((item) => (
								<li key={item} className="flex gap-3 leading-relaxed text-stone-700">
									<CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-700" />
									<span>{item}</span>
								</li>
							))}
						</ul>
					</section>
					<section aria-labelledby="next-heading" className="rounded-2xl border border-stone-200 bg-white p-6">
						<h2 id="next-heading" className="text-xl font-semibold text-stone-900">
							What happens next
						</h2>
						<p className="mt-3 leading-relaxed text-stone-700">
							A member of our team reads every message and replies by email. We use your details only to answer your
							enquiry.
						</p>
						<p className="mt-3 leading-relaxed text-stone-700">
							Looking for a single place for yourself? You can{' '}
							<Link to="/courses" className="font-semibold text-brand-700 underline underline-offset-2">
								browse the courses
							</Link>{' '}
							and start straight away.
						</p>
					</section>
				</div>
				<div>{sent ? <ThankYou /> : <EnquiryForm lastResult={actionData?.result} />}</div>
			</Container>
		</>
	)
}

function ThankYou() {
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
			<h2 className="mt-4 text-2xl font-bold tracking-tight">Thank you, your message has been sent</h2>
			<p className="mt-3 text-lg leading-relaxed">
				We have passed it to our team and will reply to the email address you gave us.
			</p>
			<p className="mt-5 flex flex-wrap gap-x-6 gap-y-2">
				<Link to="/courses" className="font-semibold text-green-900 underline underline-offset-2">
					Browse courses
				</Link>
				<Link to="/contact" className="font-semibold text-green-900 underline underline-offset-2">
					Send another message
				</Link>
			</p>
		</div>
	)
}

function EnquiryForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
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
			<h2 className="text-xl font-semibold text-stone-900">Send us a message</h2>
			<FormErrors id={formErrorId} errors={form.errors} title="Your message has not been sent" />
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: 'Your name' }}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: 'Email address' }}
					inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', spellCheck: false }}
					errors={fields.email.errors}
				/>
			</div>
			<Field
				labelProps={{ children: 'Organisation name (optional)' }}
				inputProps={{ ...getInputProps(fields.organisationName, { type: 'text' }), autoComplete: 'organization' }}
				errors={fields.organisationName.errors}
			/>
			<div className="grid gap-6 sm:grid-cols-2">
				<SelectField
					labelProps={{ children: 'Sector (optional)' }}
					selectProps={getSelectProps(fields.sector)}
					placeholder="Choose a sector"
					options={ENQUIRY_SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))}
					errors={fields.sector.errors}
				/>
				<Field
					labelProps={{ children: 'Number of staff (optional)' }}
					description="Roughly how many people might take part"
					// A text input with a numeric keyboard: type="number" changes values on scroll and is hard to use.
					inputProps={{ ...getInputProps(fields.staffCount, { type: 'text' }), inputMode: 'numeric' }}
					errors={fields.staffCount.errors}
				/>
			</div>
			<TextareaField
				labelProps={{ children: 'Your message' }}
				description={`What would you like to achieve, and for whom? At least ${ENQUIRY_LIMITS.messageMin} characters.`}
				textareaProps={{ ...getTextareaProps(fields.message), rows: 6 }}
				errors={fields.message.errors}
			/>
			<SubmitButton pending={pending} pendingText="Sending…">
				Send message
			</SubmitButton>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
