/**
 * A person's own security events: what they (or someone as them) did to their sign-in. Their
 * security page lists these, and their organisations' audit logs include them for current members,
 * since a password sign-in belongs to no one organisation (modules/audit/read.ts).
 */
export const SECURITY_ACTIONS = [
	'auth.signed_in',
	'user.password_changed',
	'user.password_reset',
	'auth.session_signed_out',
	'auth.other_sessions_signed_out',
	'mfa.totp_enabled',
	'mfa.totp_disabled',
	'mfa.recovery_codes_regenerated',
	'mfa.recovery_code_used',
	'mfa.passkey_added',
	'mfa.passkey_removed',
]
