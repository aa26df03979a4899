import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Form, Link, useNavigation } from 'react-router'
import { FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import type { RjcLevel } from '#modules/db/generated/enums.ts'
import { formatIsoDate } from '#modules/portfolio/cpd-dates.ts'
import { RJC_LEVEL_HOURS, RJC_LEVEL_LABEL } from '#modules/portfolio/regulator-cycles.ts'
import type { Requirement } from '#modules/reflective-records/revalidation.ts'
import type { SupervisionState } from '#modules/reflective-records/rjc.ts'
import { Requirements } from './requirements.tsx'

const LEVELS = ['FOUNDATION', 'INTERMEDIATE', 'ADVANCED'] as const satisfies readonly RjcLevel[]

/** The RJC level form: a level, or blank for "not on the RJC's register". */
export const RjcLevelSchema = z.object({
	intent: z.literal('rjc-level'),
	rjcLevel: z.enum(LEVELS, { message: 'Choose a level from the list' }).optional(),
})

/** What the revalidation page's loader sends for the RJC panel. */
export type RjcPanelData = {
	level: RjcLevel
	levelLabel: string
	periodLabel: string
	start: string
	end: string
	requirements: Requirement[]
	sharePercent: number
	supervision: { state: SupervisionState; lastDate: string | null; daysSince: number | null; dueBy: string | null }
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

function weeksAndDays(days: number) {
	const weeks = Math.floor(days / 7)
	const rest = days % 7
	const w = `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`
	return rest ? `${w} and ${rest} ${rest === 1 ? 'day' : 'days'}` : w
}

function SupervisionNotice({ supervision }: { supervision: RjcPanelData['supervision'] }) {
	if (supervision.state === 'none' || !supervision.lastDate || supervision.daysSince === null || !supervision.dueBy) {
		return (
			<Notice tone="warning" className="mt-4" title="No supervision in your log yet">
				The Code of Practice asks for case supervision at least every 12 weeks.{' '}
				<Link to="/records/new/rjc-supervision" className={LINK}>
					Log your last supervision
				</Link>{' '}
				and Circle will tell you when the next is due.
			</Notice>
		)
	}
	const since = `Your last supervision was on ${formatIsoDate(supervision.lastDate)}, ${weeksAndDays(supervision.daysSince)} ago.`
	if (supervision.state === 'overdue') {
		return (
			<Notice tone="warning" className="mt-4" title="Supervision is overdue">
				{since} The Code of Practice asks for case supervision at least every 12 weeks: arrange a session with your
				supervisor, then{' '}
				<Link to="/records/new/rjc-supervision" className={LINK}>
					log it
				</Link>
				.
			</Notice>
		)
	}
	return (
		<p className="mt-4 text-stone-700" data-supervision={supervision.state}>
			{since} Your next supervision is due by <strong>{formatIsoDate(supervision.dueBy)}</strong>
			{supervision.state === 'due-soon' ? ', so it is worth booking now.' : '.'}
		</p>
	)
}

/**
 * The Restorative Justice Council panel of /cpd/revalidation: the learner's level, the year's CPD hours
 * and the share that is RJC-approved, observed practice, the supervision warning, and the form that
 * sets (or clears) the level. Without a level it is only the form, with a line on what it is for.
 */
export function RjcPanel({
	rjc,
	lastResult,
}: {
	rjc: RjcPanelData | null
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'rjc-level',
		lastResult,
		defaultValue: { intent: 'rjc-level', rjcLevel: rjc?.level ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RjcLevelSchema }),
		shouldValidate: 'onBlur',
	})
	const levelForm = (
		<Form
			method="post"
			className="mt-6 flex flex-wrap items-end gap-4 border-t border-stone-200 pt-6"
			{...getFormProps(form)}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="intent" value="rjc-level" />
			<SelectField
				labelProps={{ children: 'Your RJC practitioner level' }}
				description="From your entry on the RJC’s Practitioner Register."
				selectProps={{ ...getSelectProps(fields.rjcLevel), className: 'sm:max-w-xs' }}
				placeholder="Not on the register"
				options={LEVELS.map((level) => ({
					value: level,
					label: `${RJC_LEVEL_LABEL[level]} (${RJC_LEVEL_HOURS[level]} hours a year)`,
				}))}
				errors={fields.rjcLevel.errors}
			/>
			<SubmitButton
				pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'rjc-level'}
				pendingText="Saving…"
			>
				Save level
			</SubmitButton>
		</Form>
	)
	if (!rjc) {
		return (
			<Card as="section" aria-labelledby="rjc-heading" className="mt-8 p-6">
				<h2 id="rjc-heading" className="text-2xl font-bold text-stone-900">
					Restorative Justice Council
				</h2>
				<p className="mt-1 text-stone-700">
					If you are on the RJC’s Practitioner Register, give your level: Circle will count your CPD hours, the share
					that is RJC-approved, your supervision and observed practice.
				</p>
				{levelForm}
			</Card>
		)
	}
	return (
		<Card as="section" aria-labelledby="rjc-heading" className="mt-8 p-6">
			<h2 id="rjc-heading" className="text-2xl font-bold text-stone-900">
				Restorative Justice Council: {rjc.levelLabel} practitioner
			</h2>
			<p className="mt-1 text-stone-700">
				{rjc.periodLabel}: {formatIsoDate(rjc.start)} to {formatIsoDate(rjc.end)}. {rjc.sharePercent}% of your hours are
				RJC-approved.
			</p>
			<SupervisionNotice supervision={rjc.supervision} />
			<Requirements items={rjc.requirements} id="rjc-heading" />
			<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
				<Link to="/records/new/rjc-supervision" className={LINK}>
					Log a supervision
				</Link>
				<Link to="/records/new/rjc-observed-practice" className={LINK}>
					Record observed practice
				</Link>
				<Link to="/cpd/new" className={LINK}>
					Add CPD hours
				</Link>
			</p>
			<p className="mt-4 text-sm text-stone-600">
				Hours from Circle courses their trainers mark RJC-approved count as approved; for your own entries, tick
				“Approved by the Restorative Justice Council”.
			</p>
			{levelForm}
		</Card>
	)
}
