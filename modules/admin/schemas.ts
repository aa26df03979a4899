import { z } from 'zod'
import { OrderStatus, Role } from '#modules/db/generated/enums.ts'
import { multilineText } from '#modules/validation/text.ts'

export const ROLES = [Role.LEARNER, Role.TRAINER, Role.ADMIN] as const
export const ROLE_LABELS: Record<Role, string> = { LEARNER: 'Learner', TRAINER: 'Trainer', ADMIN: 'Platform admin' }

export const ORDER_STATUSES = [
	OrderStatus.PENDING,
	OrderStatus.PAID,
	OrderStatus.FAILED,
	OrderStatus.EXPIRED,
	OrderStatus.REFUNDED,
] as const

export const REASON_LIMITS = { min: 5, max: 500 } as const

/** The reason an admin gives for a change to someone's account; it is kept in the audit log. */
export const ReasonSchema = multilineText({ error: 'Give a reason of at least 5 characters' })
	.trim()
	.min(REASON_LIMITS.min, 'Give a reason of at least 5 characters')
	.max(REASON_LIMITS.max, `The reason must be ${REASON_LIMITS.max} characters or fewer`)

export const ChangeRoleSchema = z.object({
	role: z.enum(ROLES, { error: 'Choose a role from the list' }),
	reason: ReasonSchema,
})

export const DisableUserSchema = z.object({ reason: ReasonSchema })
export const EnableUserSchema = z.object({ reason: ReasonSchema })

export const ENQUIRY_FILTERS = ['open', 'handled', 'all'] as const
export type EnquiryFilter = (typeof ENQUIRY_FILTERS)[number]
