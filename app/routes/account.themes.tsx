import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { DIFFICULTY_LABELS, ReflectionChoicesSchema, ThemesSettingsSchema } from '#modules/themes/schemas.ts'
import { getThemesSettings, saveReflectionChoices, setThemesOptIn } from '#modules/themes/settings.ts'
import type { Route } from './+types/account.themes'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('themes.metaTitle', { ns: 'account' }), t('themes.metaDescription', { ns: 'account' }), NOINDEX)
}

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
	const { t } = useTranslation('account')
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('themes.heading')}</h2>
			<div className="mt-2 space-y-3 text-stone-700">
				<p>{t('themes.intro')}</p>
				<ul className="list-disc space-y-1 pl-6">
					<li>{t('themes.counts')}</li>
					<li>{t('themes.totals')}</li>
					<li>{t('themes.noWords')}</li>
				</ul>
				<p>{t('themes.off')}</p>
			</div>

			<section aria-labelledby="organisations-heading" className="mt-8">
				<h3 id="organisations-heading" className="text-xl font-bold text-stone-900">
					{t('themes.organisations')}
				</h3>
				{organisations.length === 0 ? (
					<p className="mt-2 text-stone-700">{t('themes.noOrganisations')}</p>
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
					{t('themes.reflections')}
				</h3>
				<p className="mt-2 text-stone-700">{t('themes.reflectionsIntro')}</p>
				{reflections.length === 0 ? (
					<p className="mt-3 text-stone-700">{t('themes.noReflections')}</p>
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
	const { t } = useTranslation('account')
	const { date: formatDate } = useFormat()
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
						? t('themes.yes', { organisation: organisation.name, date: formatDate(organisation.optedInAt!) })
						: t('themes.no', { organisation: organisation.name })}
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
						{t('themes.turnOff', { organisation: organisation.name })}
					</Button>
				) : (
					<Button type="submit" name="optIn" value="yes" aria-disabled={navigation.state === 'submitting' || undefined}>
						{t('themes.sayYes', { organisation: organisation.name })}
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
	const { t } = useTranslation('account')
	const { date: formatDate } = useFormat()
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
					<Notice tone="success" role="status" title={t('themes.savedTitle')}>
						{t('themes.saved')}
					</Notice>
				</div>
			) : null}
			<FormErrors id={form.errorId} errors={form.errors} />
			<fieldset className="mt-4" aria-describedby={fields.difficulty.errors ? fields.difficulty.errorId : undefined}>
				<legend className="font-medium text-stone-900">{t('themes.howHard')}</legend>
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
							<span>{t(`themes.difficulty.${(index + 1) as 1 | 2 | 3 | 4 | 5}`)}</span>
						</label>
					))}
				</div>
				<ErrorList id={fields.difficulty.errorId} errors={fields.difficulty.errors} />
			</fieldset>
			<fieldset className="mt-4" aria-describedby={fields.share.errors ? fields.share.errorId : undefined}>
				<legend className="font-medium text-stone-900">{t('themes.share')}</legend>
				{organisations.length === 0 ? (
					<p className="mt-1 text-sm text-stone-700">{t('themes.shareFirst')}</p>
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
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('themes.submitting')}>
					{t('themes.submit')}
				</SubmitButton>
			</div>
		</Form>
	)
}
