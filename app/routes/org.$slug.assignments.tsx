import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef, useState } from 'react'
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
import { formatDate, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createAssignment } from '#modules/assignments/create-assignment.ts'
import { getAssignmentChoices, listAssignments } from '#modules/assignments/list-assignments.ts'
import {
	ASSIGNMENT_TARGET_LABELS,
	ASSIGNMENT_TARGETS,
	CreateAssignmentSchema,
	WithdrawAssignmentSchema,
} from '#modules/assignments/schemas.ts'
import { withdrawAssignment } from '#modules/assignments/withdraw-assignment.ts'
import type { Route } from './+types/org.$slug.assignments'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Assignments | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'Assign courses to people, teams or everyone, due by a date or within days of joining.',
		NOINDEX,
	)

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
					? `The assignment has been withdrawn; ${pluralise(cancelled, 'unfinished requirement')} cancelled.`
					: 'That assignment was already withdrawn.',
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
					message: `${pluralise(result.seatsMissing, 'seat')} missing: this needs ${pluralise(result.seatsNeeded, 'seat')} and ${result.seatsLeft === 1 ? '1 is' : `${result.seatsLeft} are`} left. Nothing has been assigned.`,
					seatsMissing: { count: result.seatsMissing, needed: result.seatsNeeded, left: result.seatsLeft, buyHref },
				} satisfies Reply,
				{ status: 409 },
			)
		}
		const extra = [
			result.alreadyAssigned
				? `${pluralise(result.alreadyAssigned, 'person', 'people')} already had it to do (the earlier due date stands)`
				: '',
			result.alreadyInDate
				? `${pluralise(result.alreadyInDate, 'person', 'people')} already hold a certificate in date`
				: '',
		].filter(Boolean)
		return {
			intent,
			ok: true,
			message: `Assigned to ${pluralise(result.assigned, 'person', 'people')}.${extra.length ? ` ${extra.join('; ')}.` : ''}`,
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
	const noticeRef = useRef<HTMLDivElement>(null)
	// Take keyboard and screen-reader users to the outcome (a missing-seats message has a link to act on).
	useEffect(() => {
		if (reply?.message) noticeRef.current?.focus()
	}, [reply])
	return (
		<Container className="py-10">
			<PageHeading
				title="Assignments"
				intro={
					<p>
						{isAdmin
							? `Courses ${organisation.name}’s people must complete, and by when. Assigning a paid course takes a seat for each person from the organisation’s licence.`
							: 'Courses the people in your teams must complete, and by when.'}
					</p>
				}
			/>
			{reply?.message ? (
				<div ref={noticeRef} tabIndex={-1} className="mt-6 outline-none">
					<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'}>
						<p>{reply.message}</p>
						{reply.seatsMissing ? (
							<p className="mt-2">
								<Link to={reply.seatsMissing.buyHref} className={linkClasses}>
									Buy {pluralise(reply.seatsMissing.count, 'seat')}
								</Link>{' '}
								then assign it again.
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

			<Section id="rules-heading" title={pluralise(rules.filter((r) => !r.withdrawnAt).length, 'assignment')}>
				{rules.length ? (
					<DataTable
						caption={`Courses assigned in ${organisation.name}`}
						columns={['Course', 'For', 'Due', 'Done', 'Withdraw']}
						minWidth="52rem"
					>
						{rules.map((rule) => (
							<tr key={rule.id}>
								<td className={tdClasses}>
									<span className="block font-semibold text-stone-900">{rule.courseTitle}</span>
									<span className="block text-sm text-stone-600">
										Assigned {formatDate(rule.createdAt)}
										{rule.createdBy ? ` by ${rule.createdBy}` : ''}
									</span>
								</td>
								<td className={tdClasses}>{rule.targetLabel}</td>
								<td className={tdClasses}>
									{rule.dueOn ? <span className="block">By {formatDate(rule.dueOn)}</span> : null}
									{rule.newStarterDays ? (
										<span className="block">
											{rule.dueOn ? 'New starters: ' : ''}within {pluralise(rule.newStarterDays, 'day')} of joining
										</span>
									) : null}
								</td>
								<td className={tdClasses}>
									{rule.completed} of {rule.assigned}
								</td>
								<td className={tdClasses}>
									{rule.withdrawnAt ? (
										<Badge tone="neutral">Withdrawn {formatDate(rule.withdrawnAt)}</Badge>
									) : (
										<Form method="post" action={pathname}>
											<input type="hidden" name="intent" value="withdraw" />
											<input type="hidden" name="assignmentId" value={rule.id} />
											<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
												Withdraw
												<span className="sr-only">
													{' '}
													{rule.courseTitle} for {rule.targetLabel}
												</span>
											</Button>
										</Form>
									)}
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">Nothing has been assigned yet.</p>
				)}
				<p className="mt-4 max-w-prose text-sm text-stone-700">
					Withdrawing cancels the requirements nobody has finished yet; completed ones stay on record, and people keep
					their place on the course.
				</p>
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
	const [form, fields] = useForm({
		id: 'assign-course',
		lastResult,
		defaultValue: { target: 'TEAM' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateAssignmentSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const [target, setTarget] = useState(String(fields.target.initialValue ?? 'TEAM'))
	const targets = ASSIGNMENT_TARGETS.filter((t) => isAdmin || t !== 'EVERYONE')
	return (
		<Section id="assign-heading" title="Assign a course">
			<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="create" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<SelectField
					labelProps={{ children: 'Course' }}
					selectProps={getSelectProps(fields.courseId)}
					placeholder="Choose a course"
					options={[
						...choices.courses.map((c) => ({
							value: c.id,
							label: `${c.title} (${c.free ? 'free' : `${pluralise(c.seatsLeft, 'seat')} left`})`,
						})),
						...choices.programmes.map((p) => ({
							value: `${PROGRAMME_PREFIX}${p.id}`,
							label: `Programme: ${p.title} (${pluralise(p.courseCount, 'course')})`,
						})),
					]}
					errors={fields.courseId.errors}
				/>
				<SelectField
					labelProps={{ children: 'Assign to' }}
					selectProps={{ ...getSelectProps(fields.target), onChange: (event) => setTarget(event.currentTarget.value) }}
					options={targets.map((t) => ({ value: t, label: ASSIGNMENT_TARGET_LABELS[t] }))}
					errors={fields.target.errors}
				/>
				{target === 'TEAM' ? (
					<SelectField
						labelProps={{ children: 'Team' }}
						selectProps={getSelectProps(fields.teamId)}
						placeholder="Choose a team"
						options={choices.teams.map((t) => ({ value: t.id, label: t.name }))}
						errors={fields.teamId.errors}
					/>
				) : null}
				{target === 'PERSON' ? (
					<SelectField
						labelProps={{ children: 'Person' }}
						selectProps={getSelectProps(fields.userId)}
						placeholder="Choose a person"
						options={choices.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
						errors={fields.userId.errors}
					/>
				) : null}
				<fieldset className="grid gap-5 rounded-xl border border-stone-300 p-4">
					<legend className="px-1 font-semibold text-stone-900">Due</legend>
					<Field
						labelProps={{ children: 'Due date' }}
						description="The last day to finish by (UK time). Leave empty to use only the days after joining."
						inputProps={getInputProps(fields.dueOn, { type: 'date' })}
						errors={fields.dueOn.errors}
					/>
					<Field
						labelProps={{ children: 'Days after joining (new starters)' }}
						description="People who join later are assigned automatically and have this many days. Leave empty for none."
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
					<SubmitButton pending={busy} pendingText="Assigning…">
						Assign course
					</SubmitButton>
				</div>
			</Form>
		</Section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
