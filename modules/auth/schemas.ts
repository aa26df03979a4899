import { z } from 'zod'
import type { RegistrationBody } from '#modules/db/client.ts'
import { singleLineText } from '#modules/validation/text.ts'

// Shared by the server (actions, module functions) and the browser (Conform's client-side
// validation), so this file must import nothing but zod and types. Messages follow the GOV.UK
// pattern: say what to do, not what went wrong.

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

/** Trim and lower-case, so that `Alice@Example.com ` and `alice@example.com` are one account. */
export function normaliseEmail(email: string) {
	return email.trim().toLowerCase()
}

/** Conform turns empty inputs into `undefined`, so "required" is the undefined case. */
function required(message: string) {
	return { error: (issue: { input: unknown }) => (issue.input === undefined ? message : undefined) }
}

export const EmailSchema = z
	.string(required('Enter your email address'))
	.trim()
	.toLowerCase()
	.max(254, 'Email address must be 254 characters or fewer')
	.pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))

/** A new password. Whether it equals the email address is checked where both are known. */
export const NewPasswordSchema = z
	.string(required('Enter a password'))
	.min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
	.max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`)

/** An existing password: only presence and an upper bound (old accounts may predate today's rules). */
export const CurrentPasswordSchema = z
	.string(required('Enter your password'))
	.max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`)

export const NameSchema = singleLineText(required('Enter your name'))
	.trim()
	.min(1, 'Enter your name')
	.max(100, 'Name must be 100 characters or fewer')

export const PASSWORD_EQUALS_EMAIL_MESSAGE = 'Your password must not be your email address'

export function passwordEqualsEmail(password: string, email: string) {
	return normaliseEmail(password) === normaliseEmail(email)
}

/** Only same-site paths; anything else is dropped by safeRedirectTo on the server anyway. */
const RedirectToSchema = singleLineText().max(2000).optional()

export const SignUpSchema = z
	.object({
		name: NameSchema,
		email: EmailSchema,
		password: NewPasswordSchema,
		redirectTo: RedirectToSchema,
	})
	.superRefine((value, ctx) => {
		if (passwordEqualsEmail(value.password, value.email)) {
			ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_EQUALS_EMAIL_MESSAGE })
		}
	})

export const LogInSchema = z.object({
	email: EmailSchema,
	password: CurrentPasswordSchema,
	redirectTo: RedirectToSchema,
})

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

export const ResetPasswordSchema = z
	.object({
		token: singleLineText(required('This link is incomplete')).max(200),
		password: NewPasswordSchema,
		confirmPassword: z.string(required('Enter your new password again')),
	})
	.superRefine((value, ctx) => {
		if (value.password !== value.confirmPassword) {
			ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' })
		}
	})

export const ChangePasswordSchema = z
	.object({
		currentPassword: CurrentPasswordSchema,
		newPassword: NewPasswordSchema,
		confirmPassword: z.string(required('Enter your new password again')),
	})
	.superRefine((value, ctx) => {
		if (value.newPassword !== value.confirmPassword) {
			ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' })
		}
		if (value.newPassword === value.currentPassword) {
			ctx.addIssue({
				code: 'custom',
				path: ['newPassword'],
				message: 'Choose a new password that is different from your current one',
			})
		}
	})

export const REGISTRATION_BODIES = [
	'NMC',
	'HCPC',
	'SWE',
	'TEACHER',
	'OTHER',
] as const satisfies readonly RegistrationBody[]

export const REGISTRATION_BODY_LABELS: Record<RegistrationBody, string> = {
	NMC: 'Nursing and Midwifery Council (NMC)',
	HCPC: 'Health and Care Professions Council (HCPC)',
	SWE: 'Social Work England (SWE)',
	TEACHER: 'Teaching (teacher reference number)',
	OTHER: 'Other',
}

export const ProfileSchema = z.object({
	name: NameSchema,
	profession: singleLineText().max(100, 'Profession must be 100 characters or fewer').optional(),
	registrationBody: z.enum(REGISTRATION_BODIES, { error: 'Choose a registration body from the list' }).optional(),
	registrationNumber: z
		.string()
		.trim()
		.max(50, 'Registration number must be 50 characters or fewer')
		.regex(/^[A-Za-z0-9 /-]*$/, 'Registration number can only contain letters, numbers, spaces, hyphens and slashes')
		.optional(),
})

/** Adding or changing the personal address on /account/personal-email. */
export const PersonalEmailSchema = z.object({ personalEmail: EmailSchema })
