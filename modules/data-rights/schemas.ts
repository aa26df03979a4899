import { z } from 'zod'
import { ReasonSchema } from '#modules/admin/schemas.ts'

/** /account/erase: the person's own erasure, deliberately confirmed (ADR 0038). */
export const EraseOwnAccountSchema = z.object({
	/** Required by confirmErasureIdentity when the account has a password; absent for single sign-on or passkey-only accounts. */
	password: z.string().max(1000, 'That is too long to be your password').optional(),
	confirmEmail: z
		.string({ error: 'Type the email address you sign in with' })
		.trim()
		.min(1, 'Type the email address you sign in with')
		.max(320, 'That is too long to be an email address'),
	understand: z.literal('on', { error: 'Tick the box to confirm that you understand this cannot be undone' }),
})

/** /admin/users/:id: a platform admin erases an account on the person's request; the reason goes into the audit log. */
export const AdminEraseUserSchema = z.object({
	reason: ReasonSchema,
	confirm: z.literal('on', { error: 'Tick the box to confirm that the person asked for this and it cannot be undone' }),
})

/** /org/:slug/settings/security: whether an erased person's certificates from this organisation keep their name (ADR 0038). */
export const OrgCertificateNamesSchema = z.object({
	intent: z.literal('certificate-names'),
	certificateNames: z.enum(['remove', 'keep'], { error: 'Choose whether certificates keep the name' }),
})
