import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { data, Form, useNavigation } from 'react-router'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { DIFFICULTY_LABELS, ReflectionChoicesSchema, ThemesSettingsSchema } from '#modules/themes/schemas.ts'
import { getThemesSettings, saveReflectionChoices, setThemesOptIn } from '#modules/themes/settings.ts'
import type { Route } from './+types/account.themes'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Team themes and sharing | Circle',
		'Choose whether your organisations may count your reflections in their team themes, and share a reflection if you want to.',
		NOINDEX,
	)

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return getThemesSettings({ userId: user.id })
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: ThemesSettingsSchema })
	const intent = submission.payload.intent === 'opt-in' ? 'opt-in' : 'reflection'
	const reflectionId = typeof submission.payload.reflectionId === 'string' ? submission.payload.reflectionId : null
	if (submission.status !== 'success') {
		return data({ intent, reflectionId, result: submission.reply(), saved: false }, { status: 400 })
	}
	try {
		const value = submission.value
		if (value.intent === 'opt-in') {
			await setThemesOptIn({
				userId: user.id,
				organisationId: value.organisationId,
				optIn: value.optIn === 'yes',
				now: new Date(),
				ipAddress: context.clientIp,
				userAgent: request.headers.get('User-Agent'),
			})
		} else {
			await saveReflectionChoices({
				userId: user.id,
				reflectionId: value.reflectionId,
				difficulty: value.difficulty,
				shareOrganisationIds: value.share,
			})
		}
		return { intent, reflectionId, result: submission.reply(), saved: true }
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data(
			{ intent, reflectionId, result: reply.data.result, saved: false },
			{ status: reply.init?.status ?? 400 },
		)
	}
}

export default function AccountThemesRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisations, reflections } = loaderData
	const optedIn = organisations.filter((o) => o.optedInAt)
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Team themes and sharing</h2>
			<div className="mt-2 space-y-3 text-stone-700">
				<p>
					Team themes help an organisation see what its staff are learning from, without reading anyone’s reflections.
					If you say yes for an organisation:
				</p>
				<ul className="list-disc space-y-1 pl-6">
					<li>
						it counts choices you made, not words you wrote: the Code themes you tick on NMC reflective accounts, how
						hard you said it was to put a lesson reflection into practice, and your answers to rating questions in
						quizzes;
					</li>
					<li>it sees totals only, for groups of five or more people who said yes, and never your name beside them;</li>
					<li>
						none of your words are shown, unless you share a particular reflection below (and then without your name).
					</li>
				</ul>
				<p>
					It is off until you turn it on, and you can turn it off at any time: your answers stop counting straight away
					and anything you shared with that organisation is withdrawn. Saying no changes nothing else about your
					training or your record.
				</p>
			</div>

			<section aria-labelledby="organisations-heading" className="mt-8">
				<h3 id="organisations-heading" className="text-xl font-bold text-stone-900">
					Your organisations
				</h3>
				{organisations.length === 0 ? (
					<p className="mt-2 text-stone-700">
						You are not a member of any organisation, so there is nothing to choose.
					</p>
				) : (
					<ul className="mt-3 space-y-3">
						{organisations.map((org) => (
							<li key={org.organisationId}>
								<OptInForm
									organisation={org}
									lastResult={
										actionData?.intent === 'opt-in' &&
										actionData.result?.initialValue?.organisationId === org.organisationId
											? actionData
											: null
									}
								/>
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="reflections-heading" className="mt-10">
				<h3 id="reflections-heading" className="text-xl font-bold text-stone-900">
					Your lesson reflections
				</h3>
				<p className="mt-2 text-stone-700">
					For each reflection you wrote in a lesson, you can say how hard it was to put into practice, and share its
					words with an organisation whose team themes you said yes to.
				</p>
				{reflections.length === 0 ? (
					<p className="mt-3 text-stone-700">You have not written a lesson reflection yet.</p>
				) : (
					<ul className="mt-4 space-y-6">
						{reflections.map((reflection) => (
							<li key={reflection.id}>
								<ReflectionForm
									reflection={reflection}
									organisations={optedIn}
									lastResult={
										actionData?.intent === 'reflection' && actionData.reflectionId === reflection.id ? actionData : null
									}
								/>
							</li>
						))}
					</ul>
				)}
			</section>
		</>
	)
}

type Outcome = { result: SubmissionResult<string[]> | undefined; saved: boolean }

/** Moves focus to a message that has just appeared, so keyboard and screen reader users land on it. */
function useFocusOnChange(outcome: Outcome | null) {
	const ref = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (outcome) ref.current?.focus()
	}, [outcome])
	return ref
}

function OptInForm({
	organisation,
	lastResult,
}: {
	organisation: { organisationId: string; name: string; optedInAt: Date | null }
	lastResult: Outcome | null
}) {
	const navigation = useNavigation()
	const [form] = useForm({ id: `opt-in-${organisation.organisationId}`, lastResult: lastResult?.result })
	const focusRef = useFocusOnChange(lastResult)
	const on = organisation.optedInAt !== null
	return (
		<Form method="post" {...getFormProps(form)} className="rounded-xl border border-stone-200 p-4">
			<input type="hidden" name="intent" value="opt-in" />
			<input type="hidden" name="organisationId" value={organisation.organisationId} />
			<div ref={focusRef} tabIndex={-1} className="outline-none">
				<p className="font-semibold text-stone-900">{organisation.name}</p>
				<p className="mt-1 text-stone-700" role={lastResult?.saved ? 'status' : undefined}>
					{on
						? `Yes: your choices count in ${organisation.name}’s team themes (since ${formatDate(organisation.optedInAt!)}).`
						: `No: nothing of yours counts in ${organisation.name}’s team themes.`}
				</p>
				<FormErrors id={form.errorId} errors={form.errors} />
			</div>
			<div className="mt-3">
				{on ? (
					<Button
						type="submit"
						name="optIn"
						value="no"
						variant="secondary"
						aria-disabled={navigation.state === 'submitting' || undefined}
					>
						Turn off for {organisation.name}
					</Button>
				) : (
					<Button type="submit" name="optIn" value="yes" aria-disabled={navigation.state === 'submitting' || undefined}>
						Say yes for {organisation.name}
					</Button>
				)}
			</div>
		</Form>
	)
}

function ReflectionForm({
	reflection,
	organisations,
	lastResult,
}: {
	reflection: {
		id: string
		prompt: string
		text: string
		difficulty: number | null
		updatedAt: Date
		courseTitle: string
		lessonTitle: string
		sharedWith: string[]
	}
	organisations: Array<{ organisationId: string; name: string }>
	lastResult: Outcome | null
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: `reflection-${reflection.id}`,
		lastResult: lastResult?.result,
		defaultValue: {
			difficulty: reflection.difficulty === null ? undefined : String(reflection.difficulty),
			share: reflection.sharedWith,
		},
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReflectionChoicesSchema }),
	})
	const focusRef = useFocusOnChange(lastResult?.saved ? lastResult : null)
	const headingId = `reflection-${reflection.id}-heading`
	const chosen = new Set(
		(Array.isArray(fields.share.initialValue) ? fields.share.initialValue : [fields.share.initialValue]).filter(
			Boolean,
		),
	)
	return (
		<Form
			method="post"
			{...getFormProps(form)}
			aria-labelledby={headingId}
			className="rounded-xl border border-stone-200 bg-white p-4"
		>
			<input type="hidden" name="intent" value="reflection" />
			<input type="hidden" name="reflectionId" value={reflection.id} />
			<p className="text-sm text-stone-700">
				{reflection.courseTitle} · {reflection.lessonTitle} · {formatDate(reflection.updatedAt)}
			</p>
			<h4 id={headingId} className="mt-1 font-semibold text-stone-900">
				{reflection.prompt}
			</h4>
			<p className="mt-2 line-clamp-4 whitespace-pre-line text-stone-800">{reflection.text}</p>
			{lastResult?.saved ? (
				<div ref={focusRef} tabIndex={-1} className="mt-3 outline-none">
					<Notice tone="success" role="status" title="Saved">
						Your choices for this reflection are saved.
					</Notice>
				</div>
			) : null}
			<FormErrors id={form.errorId} errors={form.errors} />
			<fieldset className="mt-4" aria-describedby={fields.difficulty.errors ? fields.difficulty.errorId : undefined}>
				<legend className="font-medium text-stone-900">How hard was this to put into practice?</legend>
				<div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
					{DIFFICULTY_LABELS.map((label, index) => (
						<label key={label} className="inline-flex min-h-11 items-center gap-2">
							<input
								type="radio"
								name={fields.difficulty.name}
								value={String(index + 1)}
								defaultChecked={fields.difficulty.initialValue === String(index + 1)}
								className="size-5"
							/>
							<span>
								{index + 1} {label.toLowerCase()}
							</span>
						</label>
					))}
				</div>
				<ErrorList id={fields.difficulty.errorId} errors={fields.difficulty.errors} />
			</fieldset>
			<fieldset className="mt-4" aria-describedby={fields.share.errors ? fields.share.errorId : undefined}>
				<legend className="font-medium text-stone-900">Share these words, without your name, with</legend>
				{organisations.length === 0 ? (
					<p className="mt-1 text-sm text-stone-700">
						To share a reflection, first say yes to team themes for one of your organisations above.
					</p>
				) : (
					<div className="mt-2 space-y-2">
						{organisations.map((org) => (
							<label key={org.organisationId} className="flex min-h-11 items-center gap-3">
								<input
									type="checkbox"
									name={fields.share.name}
									value={org.organisationId}
									defaultChecked={chosen.has(org.organisationId)}
									className="size-5"
								/>
								<span>{org.name}</span>
							</label>
						))}
					</div>
				)}
				<ErrorList id={fields.share.errorId} errors={fields.share.errors} />
			</fieldset>
			<div className="mt-4">
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					Save choices for this reflection
				</SubmitButton>
			</div>
		</Form>
	)
}
