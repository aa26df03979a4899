import { browserSupportsWebAuthn } from '@simplewebauthn/browser'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { authenticateWithPasskey } from './passkey-client.ts'
import { Button } from './ui/button.tsx'

/**
 * "Use a passkey" on /login/verify: the second factor of a sign-in that is waiting there. Only the
 * waiting person's passkeys are offered (POST /login/verify/passkey reads the sign-in from its
 * cookie); once one answers, the sign-in completes and the page moves on.
 */
export function PasskeySecondFactor() {
	const [status, setStatus] = useState<{ working: boolean; error: string | null; expired: boolean }>({
		working: false,
		error: null,
		expired: false,
	})
	const errorId = useId()
	const { t } = useTranslation('ui')

	async function verify() {
		if (!browserSupportsWebAuthn()) {
			setStatus({ working: false, expired: false, error: t('passkeys.cannotUseOther') })
			return
		}
		setStatus({ working: true, error: null, expired: false })
		const fail = (reply: { message: string; code?: string }) =>
			setStatus({ working: false, error: reply.message, expired: reply.code === 'CHALLENGE_EXPIRED' })
		const result = await authenticateWithPasskey('/login/verify/passkey')
		if (!result.ok) return fail(result)
		window.location.assign(result.redirectTo ?? '/')
	}

	return (
		<div>
			<Button
				variant="secondary"
				className="w-full"
				onClick={verify}
				disabled={status.working}
				aria-describedby={status.error ? errorId : undefined}
			>
				{status.working ? t('passkeys.waiting') : t('passkeys.use')}
			</Button>
			<div role="alert" id={errorId} className="mt-2 text-sm font-semibold text-red-700 empty:hidden">
				{status.error}
				{status.expired ? (
					<>
						{' '}
						<Link to="/login" className="underline underline-offset-2">
							{t('passkeys.signInAgain')}
						</Link>
					</>
				) : null}
			</div>
		</div>
	)
}
