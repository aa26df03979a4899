import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

const id = (what: string) =>
	singleLineText({ error: `Choose ${what}` })
		.min(1, `Choose ${what}`)
		.max(100)

/** The answers a self-rating of "how hard was this to put into practice?" can take, easy to very hard. */
export const DIFFICULTY_LABELS = ['Easy', 'Fairly easy', 'In between', 'Hard', 'Very hard'] as const

/** Account → Team themes: saying yes (or no) to one organisation's team themes. */
export const ThemesOptInSchema = z.object({
	intent: z.literal('opt-in'),
	organisationId: id('an organisation'),
	optIn: z.enum(['yes', 'no'], { error: 'Choose yes or no' }),
})

/** Account → Team themes: one lesson reflection's self-rating and which organisations may read it. */
export const ReflectionChoicesSchema = z.object({
	intent: z.literal('reflection'),
	reflectionId: id('a reflection'),
	difficulty: z.coerce
		.number({ error: 'Choose how hard it was, from 1 to 5' })
		.int('Choose how hard it was, from 1 to 5')
		.min(1, 'Choose how hard it was, from 1 to 5')
		.max(5, 'Choose how hard it was, from 1 to 5')
		.optional(),
	share: z.array(id('an organisation')).max(50, 'Choose fewer organisations').default([]),
})

export const ThemesSettingsSchema = z.discriminatedUnion('intent', [ThemesOptInSchema, ReflectionChoicesSchema])

/** /org/:slug/themes?team=…: which group to show (none: the whole organisation). */
export const ThemesQuerySchema = z.object({ team: singleLineText().max(100).optional().catch(undefined) })
