import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { HcpcPanel } from '#app/components/hcpc-panel.tsx'
import { Requirements } from '#app/components/records/requirements.tsx'
import { RjcLevelSchema, RjcPanel } from '#app/components/records/rjc-panel.tsx'
import { TeacherPanel } from '#app/components/records/teacher-panel.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { formatIsoDate, isRealIsoDate } from '#modules/portfolio/cpd-dates.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { listRecords } from '#modules/reflective-records/records.ts'
import { countWords } from '#modules/reflective-records/schemas.ts'
import { getNmcRevalidation, getSweYearCheck, setRevalidationDate } from '#modules/reflective-records/revalidation.ts'
import { getRjcCheck, setRjcLevel } from '#modules/reflective-records/rjc.ts'
import { getTeacherYear } from '#modules/reflective-records/teachers.ts'
import { singleLineText } from '#modules/validation/text.ts'
import type { Route } from './+types/cpd.revalidation'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Revalidation and renewal | Circle',
		'How far you are with NMC revalidation, Social Work England renewal, the RJC’s Code of Practice or the Teachers’ Standards, counted from your portfolio and records.',
	)

const RevalidationDateSchema = z.object({
	revalidationDate: singleLineText()
		.optional()
		.refine((v) => !v || isRealIsoDate(v), 'Enter a real date, like 31/03/2027')
		.refine((v) => !v || (v >= '1990-01-01' && v <= '2100-12-31'), 'Enter a date between 1990 and 2100'),
})

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const nmc = await getNmcRevalidation({ userId: user.id })
	const [swe, rjc, teacher, hcpc] = await Promise.all([
		nmc.learner.registrationBody === 'SWE' ? getSweYearCheck({ userId: user.id }) : null,
		getRjcCheck({ userId: user.id }),
		nmc.learner.registrationBody === 'TEACHER' ? getTeacherYear({ userId: user.id }) : null,
		nmc.learner.registrationBody === 'HCPC' ? hcpcPanel(user.id) : null,
	])
	return {
		registrationBody: nmc.learner.registrationBody,
		revalidationDate: nmc.learner.revalidationDate,
		nmc: {
			periodLabel: nmc.cycle.periodLabel,
			start: nmc.cycle.start,
			end: nmc.cycle.end,
			requirements: nmc.requirements,
			complete: nmc.complete,
			daysLeft: nmc.daysLeft,
			awaitingConfirmation: nmc.awaitingConfirmation,
		},
		swe: swe
			? {
					periodLabel: swe.cycle.periodLabel,
					end: swe.cycle.end,
					requirements: swe.requirements,
					complete: swe.complete,
					daysLeft: swe.daysLeft,
				}
			: null,
		hcpc,
		rjc: rjc
			? {
					level: rjc.level,
					levelLabel: rjc.levelLabel,
					periodLabel: rjc.year.periodLabel,
					start: rjc.year.start,
					end: rjc.year.end,
					requirements: rjc.requirements,
					sharePercent: Math.round(rjc.share * 100),
					supervision: rjc.supervision,
				}
			: null,
		teacher: teacher
			? {
					periodLabel: teacher.cycle.periodLabel,
					start: teacher.cycle.start,
					end: teacher.cycle.end,
					hours: Math.round((teacher.minutes / 60) * 100) / 100,
					entries: teacher.entries,
					records: teacher.records,
					signedOff: teacher.signedOff,
					awaitingSignOff: teacher.awaitingSignOff,
					standards: teacher.standards,
				}
			: null,
	}
}

async function hcpcPanel(userId: string) {
	const [evidence, [profile]] = await Promise.all([
		getHcpcEvidence({ userId }),
		listRecords({ userId, kinds: ['HCPC_PROFILE'] }),
	])
	const text = (value: unknown) => (typeof value === 'string' ? value : '')
	return {
		start: evidence.cycle.start,
		end: evidence.cycle.end,
		activities: evidence.activities.length,
		types: evidence.types.length,
		enoughTypes: evidence.enoughTypes,
		gaps: evidence.gaps.length,
		profile: profile
			? {
					id: profile.id,
					title: profile.title,
					summaryWords: countWords(text(profile.fields.summary)),
					statementWords: countWords(text(profile.fields.statement)),
					gapsExplained: Boolean(text(profile.fields.gapExplanation)),
				}
			: null,
	}
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	if (formData.get('intent') === 'rjc-level') {
		const submission = parseWithZod(formData, { schema: RjcLevelSchema })
		if (submission.status !== 'success')
			return data({ intent: 'rjc-level' as const, result: submission.reply() }, { status: 400 })
		await setRjcLevel({ userId: user.id, level: submission.value.rjcLevel ?? null })
		return { intent: 'rjc-level' as const, result: submission.reply() }
	}
	const submission = parseWithZod(formData, { schema: RevalidationDateSchema })
	if (submission.status !== 'success')
		return data({ intent: 'revalidation-date' as const, result: submission.reply() }, { status: 400 })
	await setRevalidationDate({ userId: user.id, date: submission.value.revalidationDate || null })
	return { intent: 'revalidation-date' as const, result: submission.reply() }
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function RevalidationRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { registrationBody, revalidationDate, nmc, swe, hcpc, rjc, teacher } = loaderData
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'revalidation-date',
		lastResult: actionData?.intent === 'revalidation-date' ? actionData.result : undefined,
		defaultValue: { revalidationDate: revalidationDate ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RevalidationDateSchema }),
		shouldValidate: 'onBlur',
	})
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/cpd" className={LINK}>
					CPD portfolio
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Revalidation and renewal</h1>
			<p className="mt-2 max-w-prose text-lg text-stone-700">
				Counted from your CPD portfolio and your{' '}
				<Link to="/records" className={LINK}>
					reflective records
				</Link>
				, so there is nothing to type twice.
			</p>

			{hcpc ? <HcpcPanel hcpc={hcpc} /> : null}

			{rjc ? (
				<RjcPanel rjc={rjc} lastResult={actionData?.intent === 'rjc-level' ? actionData.result : undefined} />
			) : null}

			{teacher ? <TeacherPanel teacher={teacher} /> : null}

			{swe ? (
				<Card as="section" aria-labelledby="swe-heading" className="mt-8 p-6">
					<h2 id="swe-heading" className="text-2xl font-bold text-stone-900">
						Social Work England: {swe.periodLabel}
					</h2>
					<p className="mt-1 text-stone-700">
						Record these by {formatIsoDate(swe.end)}
						{swe.daysLeft >= 0 ? ` (${swe.daysLeft} ${swe.daysLeft === 1 ? 'day' : 'days'} left)` : ''}.
					</p>
					<Requirements items={swe.requirements} id="swe-heading" />
					<p className="mt-4">
						<Link to="/records/new/swe-cpd" className={LINK}>
							Write a CPD record
						</Link>
					</p>
				</Card>
			) : null}

			{/* A teacher, or a restorative practitioner with no health regulator, has no use for the NMC's counts. */}
			{registrationBody === 'TEACHER' || (registrationBody === 'OTHER' && rjc) ? null : (
				<Card as="section" aria-labelledby="nmc-heading" className="mt-8 p-6">
					<h2 id="nmc-heading" className="text-2xl font-bold text-stone-900">
						NMC revalidation
					</h2>
					<p className="mt-1 text-stone-700">
						{nmc.periodLabel}: {formatIsoDate(nmc.start)} to {formatIsoDate(nmc.end)}
						{nmc.daysLeft !== null && nmc.daysLeft >= 0
							? ` · ${nmc.daysLeft} ${nmc.daysLeft === 1 ? 'day' : 'days'} to go`
							: ''}
						{nmc.complete ? ' · everything Circle can count is done' : ''}.
					</p>
					{registrationBody !== 'NMC' && registrationBody !== null ? (
						<p className="mt-2 text-stone-600">
							Your profile says you are not registered with the NMC; this is shown in case it helps.
						</p>
					) : null}
					<Requirements items={nmc.requirements} id="nmc-heading" />
					{nmc.awaitingConfirmation ? (
						<p className="mt-4 text-stone-700">
							{nmc.awaitingConfirmation === 1
								? 'One reflective discussion is waiting for your partner to confirm it.'
								: `${nmc.awaitingConfirmation} reflective discussions are waiting for confirmation.`}
						</p>
					) : null}
					<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
						<Link to="/records/new/nmc-reflective-account" className={LINK}>
							Write a reflective account
						</Link>
						<Link to="/records/new/nmc-feedback" className={LINK}>
							Record feedback
						</Link>
						<Link to="/records/new/nmc-reflective-discussion" className={LINK}>
							Record your reflective discussion
						</Link>
						<Link to="/cpd/new" className={LINK}>
							Add CPD hours
						</Link>
					</p>
					<p className="mt-4 text-sm text-stone-600">
						You also need 450 practice hours, a health and character declaration, indemnity and a confirmer: these are
						outside what Circle records.
					</p>

					<Form
						method="post"
						className="mt-6 flex flex-wrap items-end gap-4 border-t border-stone-200 pt-6"
						{...getFormProps(form)}
					>
						<FormErrors id={form.errorId} errors={form.errors} />
						<Field
							labelProps={{ children: 'Your revalidation date' }}
							description="From NMC Online. Circle counts the three years up to it."
							inputProps={{ ...getInputProps(fields.revalidationDate, { type: 'date' }), className: 'sm:max-w-xs' }}
							errors={fields.revalidationDate.errors}
						/>
						<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
							Save date
						</SubmitButton>
					</Form>
				</Card>
			)}

			{rjc ? null : (
				<RjcPanel rjc={null} lastResult={actionData?.intent === 'rjc-level' ? actionData.result : undefined} />
			)}
		</Container>
	)
}
