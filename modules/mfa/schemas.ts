import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

/** Six digits from an authenticator app; spaces people type ("123 456") are allowed. */
export const TotpCodeSchema = singleLineText({ error: 'Enter the 6-digit code from your authenticator app' })
	.min(1, 'Enter the 6-digit code from your authenticator app')
	.max(20, 'Enter the 6-digit code from your authenticator app')
	.regex(/^[\d\s-]+$/, 'The code is 6 digits, like 123456')
	.refine((code) => code.replace(/[\s-]/g, '').length === 6, 'The code is 6 digits, like 123456')

/** A recovery code as printed (`abcde-fghij`), in any letter case, with or without the hyphen. */
export const RecoveryCodeSchema = singleLineText({ error: 'Enter one of your recovery codes' })
	.min(1, 'Enter one of your recovery codes')
	.max(40, 'A recovery code is 10 letters and numbers, like abcde-fghij')

/** The second step of a sign-in: a code from the app, or a recovery code. */
export const SecondFactorSchema = z.discriminatedUnion('method', [
	z.object({ method: z.literal('totp'), code: TotpCodeSchema }),
	z.object({ method: z.literal('recovery'), recoveryCode: RecoveryCodeSchema }),
])

/** Confirming a new authenticator app with its first code. */
export const ConfirmTotpSchema = z.object({ intent: z.literal('confirm-totp'), code: TotpCodeSchema })

/** A security change that asks for the password (or a code for an account without one) again. */
export const ReauthSchema = z.object({
	intent: z.enum(['disable-totp', 'regenerate-codes']),
	password: z.string().max(1000).optional(),
	code: singleLineText().max(20).optional(),
})

/** Sign out one session (by its id, never a token) or every other one. */
export const SignOutSessionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('sign-out-session'), sessionId: singleLineText().min(1).max(100) }),
	z.object({ intent: z.literal('sign-out-others') }),
])

export const MFA_POLICIES = ['NONE', 'ADMINS', 'ALL'] as const

/** The organisation's MFA policy form. */
export const OrgMfaPolicySchema = z.object({
	policy: z.enum(MFA_POLICIES, { error: 'Choose who must use two-step sign-in' }),
})
