import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

// Shared by the server and the browser (Conform's client-side validation): zod and types only.

/** Teams nest at most this many levels deep (a trust › a school › a department › a year team › a group). */
export const MAX_TEAM_DEPTH = 5

const id = (message: string) => singleLineText({ error: message }).min(1, message).max(100, message)

export const TeamNameSchema = singleLineText({ error: 'Enter a name for the team' })
	.min(1, 'Enter a name for the team')
	.max(80, 'Keep the name to 80 characters or fewer')

/** An optional parent team: empty means the top level. */
const ParentSchema = z.preprocess(
	(value) => (value === '' ? undefined : value),
	id('Choose a team from the list').optional(),
)

export const CreateTeamSchema = z.object({
	intent: z.literal('create'),
	name: TeamNameSchema,
	parentId: ParentSchema,
})

export const RenameTeamSchema = z.object({ intent: z.literal('rename'), name: TeamNameSchema })
export const MoveTeamSchema = z.object({ intent: z.literal('move'), parentId: ParentSchema })
export const DeleteTeamSchema = z.object({ intent: z.literal('delete') })
export const AddTeamMemberSchema = z.object({
	intent: z.literal('add-member'),
	membershipId: id('Choose someone to add'),
	asManager: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
})
export const RemoveTeamMemberSchema = z.object({
	intent: z.literal('remove-member'),
	membershipId: id('Choose someone'),
})
export const SetTeamManagerSchema = z.object({
	intent: z.literal('set-manager'),
	membershipId: id('Choose someone'),
	isManager: z.enum(['true', 'false']).transform((value) => value === 'true'),
})
