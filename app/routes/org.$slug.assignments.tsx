import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useLocation, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { buySeatsHref, DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { replyWithDomainError, replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT, useFormat, useTranslateError } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createAssignment } from '#modules/assignments/create-assignment.ts'
import { getAssignmentChoices, listAssignments } from '#modules/assignments/list-assignments.ts'
import { ASSIGNMENT_TARGETS, CreateAssignmentSchema, WithdrawAssignmentSchema } from '#modules/assignments/schemas.ts'
import { withdrawAssignment } from '#modules/assignments/withdraw-assignment.ts'
import type { Route } from './+types/org.$slug.assignments'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('assignments.meta.title', { ns: 'org', organisation }),
		t('assignments.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const [rules, choices] = await Promise.all([
		listAssignments({ organisationId, scope: access.scope }),
		getAssignmentChoices({ organisationId, scope: access.scope }),
	])
	return {
		organisation: access.organisation,
		isAdmin: access.scope.kind === 'organisation',
		rules: rules.map((r) => ({
			...r,
			createdAt: r.createdAt.toISOString(),
			withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
		})),
		choices,
	}
}

/** How the course list marks a programme's value. */
const PROGRAMME_PREFIX = 'programme:'

const ActionSchema = z.discriminatedUnion('intent', [CreateAssignmentSchema, WithdrawAssignmentSchema])

type Reply = {
	intent: string
	result?: SubmissionResult<string[]>
	ok?: boolean
	message?: string
	seatsMissing?: { count: number; needed: number; left: number; buyHref: string }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const t = await getT(request)
	const people = (count: number) => t('assignments.people', { ns: 'org', count })
	const submission = parseWithZod(formData, { schema: ActionSchema })
	if (submission.status !== 'success')
		return data({ intent, result: submission.reply() } satisfies Reply, { status: 400 })
	const value = submission.value
	const base = {
		organisationId: access.organisation.id,
		actorId: access.actorId,
		now: new Date(),
		origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
	}
	if (value.intent === 'withdraw') {
		try {
			const { withdrawn, cancelled } = await withdrawAssignment({ ...base, assignmentId: value.assignmentId })
			return {
				intent,
				ok: true,
				message: withdrawn
					? t('assignments.withdrawn', {
							ns: 'org',
							cancelled: t('assignments.unfinished', { ns: 'org', count: cancelled }),
						})
					: t('assignments.alreadyWithdrawn', { ns: 'org' }),
			} satisfies Reply
		} catch (error) {
			return replyWithProblem(error, { intent })
		}
	}
	try {
		const result = await createAssignment({
			...base,
			// The course list offers programmes too, as "programme:<id>".
			...(value.courseId.startsWith(PROGRAMME_PREFIX)
				? { programmeId: value.courseId.slice(PROGRAMME_PREFIX.length) }
				: { courseId: value.courseId }),
			target: value.target,
			teamId: value.teamId ?? null,
			userId: value.userId ?? null,
			dueOn: value.dueOn ?? null,
			newStarterDays: value.newStarterDays ?? null,
		})
		if (result.status === 'seats-missing') {
			const buyHref = `${buySeatsHref(result.courseSlug, access.organisation.slug)}&${new URLSearchParams({ seats: String(result.seatsMissing) })}`
			return data(
				{
					intent,
					result: submission.reply(),
					ok: false,
					message: t('assignments.seatsMissing', {
						ns: 'org',
						missing: t('assignments.seats', { ns: 'org', count: result.seatsMissing }),
						needed: t('assignments.seats', { ns: 'org', count: result.seatsNeeded }),
						left: t('assignments.seatsLeft', { ns: 'org', count: result.seatsLeft }),
					}),
					seatsMissing: { count: result.seatsMissing, needed: result.seatsNeeded, left: result.seatsLeft, buyHref },
				} satisfies Reply,
				{ status: 409 },
			)
		}
		const extra = [
			result.alreadyAssigned
				? t('assignments.alreadyAssigned', { ns: 'org', people: people(result.alreadyAssigned) })
				: '',
			result.alreadyInDate ? t('assignments.alreadyInDate', { ns: 'org', people: people(result.alreadyInDate) }) : '',
		]
			.filter(Boolean)
			.join('; ')
		return {
			intent,
			ok: true,
			message: [
				t('assignments.assigned', { ns: 'org', people: people(result.assigned) }),
				extra ? `${extra.charAt(0).toUpperCase()}${extra.slice(1)}.` : null,
			]
				.filter(Boolean)
				.join(' '),
			result: submission.reply({ resetForm: true }),
		} satisfies Reply
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data({ intent, result: reply.data.result } satisfies Reply, reply.init ?? undefined)
	}
}

export default function AssignmentsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, isAdmin, rules, choices } = loaderData
	const reply = actionData as Reply | undefined
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('org')
	const format = useFormat()
	const translateError = useTranslateError()
	const noticeRef = useRef<HTMLDivElement>(null)
	// Take keyboard and screen-reader users to the outcome (a missing-seats message has a link to act on).
	useEffect(() => {
		if (reply?.message) noticeRef.current?.focus()
	}, [reply])
	return (
		<Container className="py-10">
			<PageHeading
				title={t('assignments.title')}
				intro={
					<p>
						{isAdmin ? t('assignments.introAdmin', { organisation: organisation.name }) : t('assignments.introManager')}
					</p>
				}
			/>
			{reply?.message ? (
				<div ref={noticeRef} tabIndex={-1} className="mt-6 outline-none">
					<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'}>
						<p>{translateError(reply.message)}</p>
						{reply.seatsMissing ? (
							<p className="mt-2">
								<Trans
									t={t}
									i18nKey="assignments.buy"
									values={{ seats: t('assignments.seats', { count: reply.seatsMissing.count }) }}
									components={[<Link key="buy" to={reply.seatsMissing.buyHref} className={linkClasses} />]}
								/>
							</p>
						) : null}
					</Notice>
				</div>
			) : null}

			<AssignForm
				choices={choices}
				isAdmin={isAdmin}
				lastResult={reply?.intent === 'create' ? reply.result : undefined}
				busy={busy}
			/>

			<Section id="rules-heading" title={t('assignments.count', { count: rules.filter((r) => !r.withdrawnAt).length })}>
				{rules.length ? (
					<DataTable
						caption={t('assignments.caption', { organisation: organisation.name })}
						columns={[
							t('assignments.columns.course'),
							t('assignments.columns.for'),
							t('assignments.columns.due'),
							t('assignments.columns.done'),
							t('assignments.columns.withdraw'),
						]}
						minWidth="52rem"
					>
						{rules.map((rule) => {
							const targetLabel = rule.target === 'EVERYONE' ? t('assignments.everyone') : rule.targetLabel
							const days = rule.newStarterDays ? t('assignments.days', { count: rule.newStarterDays }) : ''
							return (
								<tr key={rule.id}>
									<td className={tdClasses}>
										<span className="block font-semibold text-stone-900">{rule.courseTitle}</span>
										<span className="block text-sm text-stone-600">
											{rule.createdBy
												? t('assignments.assignedOnBy', { date: format.date(rule.createdAt), name: rule.createdBy })
												: t('assignments.assignedOn', { date: format.date(rule.createdAt) })}
										</span>
									</td>
									<td className={tdClasses}>{targetLabel}</td>
									<td className={tdClasses}>
										{rule.dueOn ? (
											<span className="block">{t('assignments.by', { date: format.date(rule.dueOn) })}</span>
										) : null}
										{rule.newStarterDays ? (
											<span className="block">
												{rule.dueOn ? t('assignments.newStartersWithin', { days }) : t('assignments.within', { days })}
											</span>
										) : null}
									</td>
									<td className={tdClasses}>
										{t('assignments.done', { completed: rule.completed, assigned: rule.assigned })}
									</td>
									<td className={tdClasses}>
										{rule.withdrawnAt ? (
											<Badge tone="neutral">
												{t('assignments.withdrawnOn', { date: format.date(rule.withdrawnAt) })}
											</Badge>
										) : (
											<Form method="post" action={pathname}>
												<input type="hidden" name="intent" value="withdraw" />
												<input type="hidden" name="assignmentId" value={rule.id} />
												<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
													<Trans
														t={t}
														i18nKey="assignments.withdraw"
														values={{ course: rule.courseTitle, target: targetLabel }}
														components={[<span key="what" className="sr-only" />]}
													/>
												</Button>
											</Form>
										)}
									</td>
								</tr>
							)
						})}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">{t('assignments.none')}</p>
				)}
				<p className="mt-4 max-w-prose text-sm text-stone-700">{t('assignments.withdrawNote')}</p>
			</Section>
		</Container>
	)
}

type Choices = Route.ComponentProps['loaderData']['choices']

function AssignForm({
	choices,
	isAdmin,
	lastResult,
	busy,
}: {
	choices: Choices
	isAdmin: boolean
	lastResult: SubmissionResult<string[]> | undefined
	busy: boolean
}) {
	const { t } = useTranslation('org')
	const [form, fields] = useForm({
		id: 'assign-course',
		lastResult,
		defaultValue: { target: 'TEAM' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateAssignmentSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	// Whom it is for, as the form holds it: after a successful assignment Conform resets the form to
	// "A team", and the Team field must come back with it (a separate state kept the Person field,
	// and the next "Assign course" was refused for a team field nobody could see).
	const target = fields.target.value ?? 'TEAM'
	// Without JavaScript nothing can swap the fields as "Assign to" changes: both are shown, and the
	// server reads only the one the target needs.
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const targets = ASSIGNMENT_TARGETS.filter((value) => isAdmin || value !== 'EVERYONE')
	return (
		<Section id="assign-heading" title={t('assignments.assign')}>
			<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="create" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<SelectField
					labelProps={{ children: t('assignments.course') }}
					selectProps={getSelectProps(fields.courseId)}
					placeholder={t('assignments.chooseCourse')}
					options={[
						...choices.courses.map((c) => ({
							value: c.id,
							label: c.free
								? t('assignments.free', { title: c.title })
								: t('assignments.left', { title: c.title, seats: t('assignments.seats', { count: c.seatsLeft }) }),
						})),
						...choices.programmes.map((p) => ({
							value: `${PROGRAMME_PREFIX}${p.id}`,
							label: t('assignments.programme', {
								title: p.title,
								courses: t('assignments.courses', { count: p.courseCount }),
							}),
						})),
					]}
					errors={fields.courseId.errors}
				/>
				<SelectField
					labelProps={{ children: t('assignments.assignTo') }}
					selectProps={getSelectProps(fields.target)}
					options={targets.map((value) => ({ value, label: t(`assignments.targets.${value}`) }))}
					errors={fields.target.errors}
				/>
				{!hydrated || target === 'TEAM' ? (
					<SelectField
						labelProps={{ children: t('assignments.team') }}
						selectProps={getSelectProps(fields.teamId)}
						placeholder={t('assignments.chooseTeam')}
						options={choices.teams.map((team) => ({ value: team.id, label: team.name }))}
						errors={fields.teamId.errors}
					/>
				) : null}
				{!hydrated || target === 'PERSON' ? (
					<SelectField
						labelProps={{ children: t('assignments.person') }}
						selectProps={getSelectProps(fields.userId)}
						placeholder={t('assignments.choosePerson')}
						options={choices.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
						errors={fields.userId.errors}
					/>
				) : null}
				<fieldset className="grid gap-5 rounded-xl border border-stone-300 p-4">
					<legend className="px-1 font-semibold text-stone-900">{t('assignments.due')}</legend>
					<Field
						labelProps={{ children: t('assignments.dueDate') }}
						description={t('assignments.dueDateHint')}
						inputProps={getInputProps(fields.dueOn, { type: 'date' })}
						errors={fields.dueOn.errors}
					/>
					<Field
						labelProps={{ children: t('assignments.newStarterDays') }}
						description={t('assignments.newStarterDaysHint')}
						inputProps={{
							...getInputProps(fields.newStarterDays, { type: 'number' }),
							min: 1,
							max: 365,
							inputMode: 'numeric',
						}}
						errors={fields.newStarterDays.errors}
					/>
				</fieldset>
				<div>
					<SubmitButton pending={busy} pendingText={t('assignments.assigning')}>
						{t('assignments.submit')}
					</SubmitButton>
				</div>
			</Form>
		</Section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
