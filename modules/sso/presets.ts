import type { IdentityProviderKind } from '#modules/db/client.ts'

/** How each kind of provider is named to people signing in ("Sign in with …"). */
export const PROVIDER_KIND_LABELS: Record<IdentityProviderKind, string> = {
	ENTRA: 'Microsoft',
	GOOGLE: 'Google',
	OIDC: 'single sign-on',
}

export const GOOGLE_ISSUER = 'https://accounts.google.com'

/** Entra ID tenant ids are GUIDs; a verified domain name (contoso.onmicrosoft.com) also names a tenant. */
const TENANT =
	/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9.-]{1,251}\.[a-z]{2,})$/i

export function isEntraTenant(value: string) {
	return TENANT.test(value)
}

/**
 * The issuer a preset stands for: Microsoft Entra ID's v2.0 endpoint of one tenant, Google's one
 * issuer, or (generic OIDC) the issuer URL the admin typed. The sign-in settings page computes the
 * issuer here and passes it to saveIdentityProvider, so tests point a preset at a local provider
 * by passing their issuer explicitly, and this mapping is tested on its own.
 */
export function issuerForPreset(
	preset: { kind: 'ENTRA'; tenantId: string } | { kind: 'GOOGLE' } | { kind: 'OIDC'; issuer: string },
) {
	switch (preset.kind) {
		case 'ENTRA':
			return `https://login.microsoftonline.com/${encodeURIComponent(preset.tenantId.trim().toLowerCase())}/v2.0`
		case 'GOOGLE':
			return GOOGLE_ISSUER
		case 'OIDC':
			return preset.issuer.trim().replace(/\/$/, '')
	}
}
