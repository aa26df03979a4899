import { browserSupportsWebAuthn } from '@simplewebauthn/browser'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { authenticateWithPasskey } from './passkey-client.ts'
import { Button } from './ui/button.tsx'

/**
 * "Sign in with a passkey" on /login: no email needed. The browser offers the passkeys it holds for
 * Circle; the chosen one signs the challenge from POST /login/passkey, which starts the sign-in
 * (going on to /login/verify when the passkey did not verify the person), and the page moves on.
 */
export function PasskeySignIn({ redirectTo }: { redirectTo?: string }) {
	const [status, setStatus] = useState<{ working: boolean; error: string | null }>({ working: false, error: null })
	const errorId = useId()
	const { t } = useTranslation('ui')

	async function signIn() {
		if (!browserSupportsWebAuthn()) {
			setStatus({ working: false, error: t('passkeys.cannotUsePassword') })
			return
		}
		setStatus({ working: true, error: null })
		const result = await authenticateWithPasskey('/login/passkey', { redirectTo })
		if (!result.ok) return setStatus({ working: false, error: result.message })
		// A full load, so every part of the page (the header's account menu too) sees the new session.
		window.location.assign(result.redirectTo ?? '/')
	}

	return (
		<div className="mt-6">
			<p className="mb-4 flex items-center gap-3 text-sm text-stone-600 before:h-px before:flex-1 before:bg-stone-300 after:h-px after:flex-1 after:bg-stone-300">
				{t('passkeys.or')}
			</p>
			<Button
				variant="secondary"
				className="w-full"
				onClick={signIn}
				disabled={status.working}
				aria-describedby={status.error ? errorId : undefined}
			>
				{status.working ? t('passkeys.waiting') : t('passkeys.signIn')}
			</Button>
			<div role="alert" id={errorId} className="mt-2 text-sm font-semibold text-red-700 empty:hidden">
				{status.error}
			</div>
		</div>
	)
}
