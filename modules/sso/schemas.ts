import { z } from 'zod'
import { EmailSchema, LogInSchema } from '#modules/auth/schemas.ts'
import { singleLineText } from '#modules/validation/text.ts'

// Shared by the server and the browser (Conform's client-side validation): zod and types only.

const RedirectToSchema = singleLineText().max(2000).optional()

/** "Continue with single sign-on": only the work address, to find its organisation's provider. */
export const SsoStartSchema = z.object({ email: EmailSchema, redirectTo: RedirectToSchema })

/**
 * The log-in form as the browser checks it: the password may be left empty, so that someone whose
 * organisation uses single sign-on can submit only their address (home-realm discovery).
 */
export const LogInOrSsoSchema = LogInSchema.extend({ password: LogInSchema.shape.password.optional() })

const optionalText = (max: number, message: string) => singleLineText().trim().max(max, message).optional()
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true')

export const ProviderSchema = z
	.object({
		intent: z.literal('save-provider'),
		kind: z.enum(['ENTRA', 'GOOGLE', 'OIDC'], { error: 'Choose your identity provider' }),
		tenantId: optionalText(255, 'The tenant ID must be 255 characters or fewer'),
		hostedDomain: optionalText(253, 'The domain must be 253 characters or fewer'),
		issuer: optionalText(500, 'The issuer address must be 500 characters or fewer'),
		clientId: singleLineText({ error: (issue) => (issue.input === undefined ? 'Enter the client ID' : undefined) })
			.trim()
			.min(1, 'Enter the client ID')
			.max(255, 'The client ID must be 255 characters or fewer'),
		clientSecret: optionalText(1000, 'The client secret must be 1000 characters or fewer'),
		enabled: checkbox,
		jitMembership: checkbox,
		jitSeatPoolId: optionalText(100, 'Choose one of your seat licences'),
	})
	.superRefine((value, ctx) => {
		if (value.kind === 'ENTRA' && !/^[0-9a-f-]{36}$|^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value.tenantId ?? '')) {
			ctx.addIssue({
				code: 'custom',
				path: ['tenantId'],
				message: 'Enter your directory (tenant) ID, like 72f988bf-86f1-41af-91ab-2d7cd011db47',
			})
		}
		if (value.kind === 'GOOGLE' && !value.hostedDomain) {
			ctx.addIssue({ code: 'custom', path: ['hostedDomain'], message: 'Enter your Google Workspace domain' })
		}
		if (value.kind === 'OIDC' && !value.issuer) {
			ctx.addIssue({
				code: 'custom',
				path: ['issuer'],
				message: 'Enter the issuer address, like https://id.example.org',
			})
		}
	})

export const ClaimDomainSchema = z.object({
	intent: z.literal('claim-domain'),
	domain: singleLineText({ error: (issue) => (issue.input === undefined ? 'Enter a domain name' : undefined) })
		.trim()
		.min(1, 'Enter a domain name')
		.max(253, 'The domain must be 253 characters or fewer'),
})

export const DomainActionSchema = z.object({
	intent: z.enum(['check-domain', 'remove-domain']),
	domainId: z.string().min(1).max(100),
})

export const RequireSsoSchema = z.object({ intent: z.literal('require-sso'), requireSso: checkbox })
