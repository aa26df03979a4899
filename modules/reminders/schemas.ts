import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'
import { DUE_DAY_CHOICES, EXPIRY_DAY_CHOICES } from './schedule.ts'

function dayChoices(choices: readonly number[], what: string) {
	return z
		.array(
			z.coerce
				.number({ error: `Choose ${what} from the list` })
				.refine((d) => choices.includes(d), `Choose ${what} from the list`),
		)
		.max(choices.length, `Choose ${what} from the list`)
		.default([])
		.transform((days) => [...new Set(days)].sort((a, b) => b - a))
}

/** An organisation's reminder intervals (org settings → Reminders): days before a due date and an expiry. */
export const OrganisationReminderSettingsSchema = z.object({
	dueDays: dayChoices(DUE_DAY_CHOICES, 'the days before a due date'),
	expiryDays: dayChoices(EXPIRY_DAY_CHOICES, 'the days before a certificate expires'),
})

/** A person's own reminder choices (account → Reminders). */
export const ReminderPreferencesSchema = z.object({
	/** Checked: nudges and reminders about courses nobody assigned are wanted. */
	optional: z
		.literal('on', { error: 'Tick the box or leave it empty' })
		.optional()
		.transform((value) => value === 'on'),
	/** The organisations (administrators only) whose weekly digest is wanted. */
	digestOrganisationIds: z.array(singleLineText().max(100)).max(200).default([]),
})
