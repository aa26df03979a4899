import {
	browserSupportsWebAuthn,
	type PublicKeyCredentialCreationOptionsJSON,
	startRegistration,
} from '@simplewebauthn/browser'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRevalidator } from 'react-router'
import { Field } from './forms.tsx'
import { describePasskeyError, postPasskey } from './passkey-client.ts'
import { Button } from './ui/button.tsx'
import { Notice } from './ui/notice.tsx'

type State =
	| { kind: 'idle' }
	| { kind: 'working' }
	| { kind: 'added'; name: string }
	| { kind: 'error'; message: string; field: 'password' | null }

/**
 * "Add a passkey" on /account/security/passkeys: asks POST /account/security/passkeys/register for
 * options (with the password when the sign-in is not recent), lets the browser make the passkey
 * (startRegistration), sends its answer back, and refreshes the list.
 */
export function PasskeyRegistration({ needsPassword }: { needsPassword: boolean }) {
	const [state, setState] = useState<State>({ kind: 'idle' })
	const revalidator = useRevalidator()
	const passwordId = useId()
	const noticeRef = useRef<HTMLDivElement>(null)
	const formErrorId = useId()
	const { t } = useTranslation('ui')
	const url = '/account/security/passkeys/register'

	useEffect(() => {
		if (state.kind === 'added') noticeRef.current?.focus()
		if (state.kind === 'error' && state.field === 'password') document.getElementById(passwordId)?.focus()
	}, [state, passwordId])

	async function add(event: React.FormEvent<HTMLFormElement>) {
		event.preventDefault()
		if (!browserSupportsWebAuthn()) {
			return setState({ kind: 'error', field: null, message: t('passkeys.cannotMake') })
		}
		const password = needsPassword ? String(new FormData(event.currentTarget).get('password') ?? '') : undefined
		setState({ kind: 'working' })
		const options = await postPasskey(url, { intent: 'options', password })
		if (!options.ok) {
			return setState({
				kind: 'error',
				message: options.message,
				field: options.field === 'password' ? 'password' : null,
			})
		}
		let response: unknown
		try {
			response = await startRegistration({ optionsJSON: options.options as PublicKeyCredentialCreationOptionsJSON })
		} catch (error) {
			return setState({ kind: 'error', field: null, message: describePasskeyError(error) })
		}
		const result = await postPasskey(url, { intent: 'verify', response })
		if (!result.ok) return setState({ kind: 'error', field: null, message: result.message })
		setState({ kind: 'added', name: result.passkey?.name ?? t('passkeys.defaultName') })
		await revalidator.revalidate()
	}

	const passwordError = state.kind === 'error' && state.field === 'password' ? state.message : null
	const formError = state.kind === 'error' && state.field === null ? state.message : null

	return (
		<form onSubmit={add} className="space-y-4" aria-describedby={formError ? formErrorId : undefined}>
			{state.kind === 'added' ? (
				<div ref={noticeRef} tabIndex={-1}>
					<Notice tone="success" role="status" title={t('passkeys.addedTitle')}>
						{t('passkeys.added', { name: state.name })}
					</Notice>
				</div>
			) : null}
			{formError ? (
				<Notice tone="error" role="alert" id={formErrorId} title={t('passkeys.notAddedTitle')}>
					{formError}
				</Notice>
			) : null}
			{needsPassword ? (
				<Field
					className="max-w-sm"
					labelProps={{ children: t('passkeys.passwordLabel') }}
					description={t('passkeys.passwordDescription')}
					inputProps={{
						id: passwordId,
						name: 'password',
						type: 'password',
						autoComplete: 'current-password',
						required: true,
					}}
					errors={passwordError ? [passwordError] : undefined}
				/>
			) : null}
			<Button type="submit" disabled={state.kind === 'working'}>
				{state.kind === 'working' ? t('passkeys.waitingDevice') : t('passkeys.add')}
			</Button>
		</form>
	)
}
