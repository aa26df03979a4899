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
import { useCycleText } from '#app/components/cpd/use-cycle-text.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { isRealIsoDate } from '#modules/portfolio/cpd-dates.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { listRecords } from '#modules/reflective-records/records.ts'
import { countWords } from '#modules/reflective-records/schemas.ts'
import { getNmcRevalidation, getSweYearCheck, setRevalidationDate } from '#modules/reflective-records/revalidation.ts'
import { getRjcCheck, setRjcLevel } from '#modules/reflective-records/rjc.ts'
import { getTeacherYear } from '#modules/reflective-records/teachers.ts'
import { singleLineText } from '#modules/validation/text.ts'
import type { Route } from './+types/cpd.revalidation'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('revalidation.metaTitle', { ns: 'cpd' }), t('revalidation.metaDescription', { ns: 'cpd' }))
}

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
			period: nmc.cycle.period,
			start: nmc.cycle.start,
			end: nmc.cycle.end,
			requirements: nmc.requirements,
			complete: nmc.complete,
			daysLeft: nmc.daysLeft,
			awaitingConfirmation: nmc.awaitingConfirmation,
		},
		swe: swe
			? {
					period: swe.cycle.period,
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
					years: teacher.cycle.period.kind === 'academicYear' ? teacher.cycle.period.years : '',
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
	const { t, date, period } = useCycleText()
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
					{t('new.backLink')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t('revalidation.heading')}</h1>
			<p className="mt-2 max-w-prose text-lg text-stone-700">
				<Trans t={t} i18nKey="revalidation.intro" components={{ a: <Link to="/records" className={LINK} /> }} />
			</p>

			{hcpc ? <HcpcPanel hcpc={hcpc} /> : null}

			{rjc ? (
				<RjcPanel rjc={rjc} lastResult={actionData?.intent === 'rjc-level' ? actionData.result : undefined} />
			) : null}

			{teacher ? <TeacherPanel teacher={teacher} /> : null}

			{swe ? (
				<Card as="section" aria-labelledby="swe-heading" className="mt-8 p-6">
					<h2 id="swe-heading" className="text-2xl font-bold text-stone-900">
						{t('revalidation.sweHeading', { period: period(swe.period) })}
					</h2>
					<p className="mt-1 text-stone-700">
						{swe.daysLeft >= 0
							? t('revalidation.recordByLeft', { date: date(swe.end), count: swe.daysLeft })
							: t('revalidation.recordBy', { date: date(swe.end) })}
					</p>
					<Requirements items={swe.requirements} id="swe-heading" />
					<p className="mt-4">
						<Link to="/records/new/swe-cpd" className={LINK}>
							{t('revalidation.writeCpdRecord')}
						</Link>
					</p>
				</Card>
			) : null}

			{/* A teacher, or a restorative practitioner with no health regulator, has no use for the NMC's counts. */}
			{registrationBody === 'TEACHER' || (registrationBody === 'OTHER' && rjc) ? null : (
				<Card as="section" aria-labelledby="nmc-heading" className="mt-8 p-6">
					<h2 id="nmc-heading" className="text-2xl font-bold text-stone-900">
						{t('revalidation.nmcHeading')}
					</h2>
					<p className="mt-1 text-stone-700">
						{t('revalidation.nmcPeriod', { period: period(nmc.period), start: date(nmc.start), end: date(nmc.end) })}
						{nmc.daysLeft !== null && nmc.daysLeft >= 0 ? t('revalidation.daysToGo', { count: nmc.daysLeft }) : ''}
						{nmc.complete ? t('revalidation.allDone') : ''}.
					</p>
					{registrationBody !== 'NMC' && registrationBody !== null ? (
						<p className="mt-2 text-stone-600">{t('revalidation.notNmc')}</p>
					) : null}
					<Requirements items={nmc.requirements} id="nmc-heading" />
					{nmc.awaitingConfirmation ? (
						<p className="mt-4 text-stone-700">{t('revalidation.awaiting', { count: nmc.awaitingConfirmation })}</p>
					) : null}
					<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
						<Link to="/records/new/nmc-reflective-account" className={LINK}>
							{t('revalidation.writeAccount')}
						</Link>
						<Link to="/records/new/nmc-feedback" className={LINK}>
							{t('revalidation.recordFeedback')}
						</Link>
						<Link to="/records/new/nmc-reflective-discussion" className={LINK}>
							{t('revalidation.recordDiscussion')}
						</Link>
						<Link to="/cpd/new" className={LINK}>
							{t('revalidation.addHours')}
						</Link>
					</p>
					<p className="mt-4 text-sm text-stone-600">{t('revalidation.outside')}</p>

					<Form
						method="post"
						className="mt-6 flex flex-wrap items-end gap-4 border-t border-stone-200 pt-6"
						{...getFormProps(form)}
					>
						<FormErrors id={form.errorId} errors={form.errors} />
						<Field
							labelProps={{ children: t('revalidation.date') }}
							description={t('revalidation.dateHint')}
							inputProps={{ ...getInputProps(fields.revalidationDate, { type: 'date' }), className: 'sm:max-w-xs' }}
							errors={fields.revalidationDate.errors}
						/>
						<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('revalidation.saving')}>
							{t('revalidation.saveDate')}
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
