import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { ErrorList, Field } from '#app/components/forms.tsx'
import { PasskeyRegistration } from '#app/components/passkey-registration.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireAuthSession } from '#app/utils/auth.server.ts'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { PASSKEY_NAME_MAX } from '#modules/mfa/passkey-schemas.ts'
import { listPasskeys, passwordNeededForPasskeyChanges, removePasskey, renamePasskey } from '#modules/mfa/passkeys.ts'
import type { Route } from './+types/account.security_.passkeys'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('passkeys.metaTitle', { ns: 'account' }), t('passkeys.metaDescription', { ns: 'account' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const auth = await requireAuthSession(request)
	const passkeys = await listPasskeys({ userId: auth.user.id })
	return {
		passkeys: passkeys.map((p) => ({
			id: p.id,
			name: p.name,
			createdAt: p.createdAt.toISOString(),
			lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
			synced: p.backedUp,
		})),
		needsPassword: await passwordNeededForPasskeyChanges({
			userId: auth.user.id,
			sessionCreatedAt: auth.session.createdAt,
		}),
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('rename'), passkeyId: z.string().min(1).max(1400), name: z.string().max(1000) }),
	z.object({
		intent: z.literal('remove'),
		passkeyId: z.string().min(1).max(1400),
		password: z.string().max(1000).optional(),
	}),
])

export async function action({ request, context }: Route.ActionArgs) {
	const auth = await requireAuthSession(request)
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	const t = await getT(request)
	if (!parsed.success) {
		return data(
			{
				ok: false as const,
				intent: null,
				passkeyId: null,
				field: null,
				message: t('passkeys.notUnderstood', { ns: 'account' }),
			},
			{ status: 400 },
		)
	}
	const input = parsed.data
	try {
		if (input.intent === 'rename') {
			const renamed = await renamePasskey({ userId: auth.user.id, passkeyId: input.passkeyId, name: input.name })
			return {
				ok: true as const,
				intent: input.intent,
				passkeyId: input.passkeyId,
				message: t('passkeys.renamed', { ns: 'account', name: renamed.name }),
			}
		}
		const removed = await removePasskey({
			userId: auth.user.id,
			passkeyId: input.passkeyId,
			reauthentication: {
				sessionCreatedAt: auth.session.createdAt,
				sessionMfaVerified: auth.session.mfaVerified,
				password: input.password,
			},
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return {
			ok: true as const,
			intent: input.intent,
			passkeyId: input.passkeyId,
			message: t('passkeys.removed', { ns: 'account', name: removed.name }),
		}
	} catch (error) {
		return replyWithProblem(error, { intent: input.intent, passkeyId: input.passkeyId })
	}
}

/** Between the breadcrumb's links; hidden from screen readers, so the same in every language. */
const BREADCRUMB_SEPARATOR = '›'

export default function PasskeysRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('account')
	const { date: formatDate } = useFormat()
	const removedNotice = actionData?.ok && actionData.intent === 'remove' ? actionData.message : null

	return (
		<>
			<p className="text-sm">
				<Link to="/account/security" className="font-medium text-brand-700 underline underline-offset-2">
					{t('passkeys.security')}
				</Link>{' '}
				<span aria-hidden="true">{BREADCRUMB_SEPARATOR}</span> {t('passkeys.heading')}
			</p>
			<h2 className="mt-2 text-2xl font-bold text-stone-900">{t('passkeys.heading')}</h2>
			<p className="mt-2 text-stone-700">{t('passkeys.intro')}</p>

			{removedNotice ? (
				<Notice tone="success" role="status" className="mt-6" id="passkeys-status" tabIndex={-1}>
					{removedNotice}
				</Notice>
			) : null}

			<section aria-labelledby="your-passkeys" className="mt-8">
				<h3 id="your-passkeys" className="text-xl font-semibold text-stone-900">
					{t('passkeys.yours')}
				</h3>
				{loaderData.passkeys.length === 0 ? (
					<p className="mt-2 text-stone-700">{t('passkeys.none')}</p>
				) : (
					<ul className="mt-4 space-y-4">
						{loaderData.passkeys.map((passkey) => {
							const here = actionData && actionData.passkeyId === passkey.id ? actionData : null
							const renameError = here && !here.ok && here.intent === 'rename' ? here.message : null
							const removeError = here && !here.ok && here.intent === 'remove' ? here.message : null
							const renamed = here?.ok && here.intent === 'rename' ? here.message : null
							return (
								<li key={passkey.id} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
									<h4 className="text-lg font-semibold break-words text-stone-900">{passkey.name}</h4>
									<dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
										<dt>{t('passkeys.added')}</dt>
										<dd>{formatDate(passkey.createdAt)}</dd>
										<dt>{t('passkeys.lastUsed')}</dt>
										<dd>{passkey.lastUsedAt ? formatDate(passkey.lastUsedAt) : t('passkeys.notUsed')}</dd>
										{passkey.synced ? (
											<>
												<dt>{t('passkeys.backedUp')}</dt>
												<dd>{t('passkeys.synced')}</dd>
											</>
										) : null}
									</dl>
									<div className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-4">
										<Form method="post" className="flex flex-wrap items-end gap-3">
											<input type="hidden" name="intent" value="rename" />
											<input type="hidden" name="passkeyId" value={passkey.id} />
											<Field
												className="w-64 max-w-full"
												labelProps={{
													children: (
														<>
															{t('passkeys.name')}
															<span className="sr-only">{t('passkeys.nameOf', { name: passkey.name })}</span>
														</>
													),
												}}
												inputProps={{
													name: 'name',
													type: 'text',
													defaultValue: passkey.name,
													maxLength: PASSKEY_NAME_MAX,
													required: true,
												}}
												errors={renameError ? [renameError] : undefined}
											/>
											<Button type="submit" variant="secondary" disabled={busy}>
												{t('passkeys.rename')}
											</Button>
										</Form>
										<Form method="post" className="flex flex-wrap items-end gap-3">
											<input type="hidden" name="intent" value="remove" />
											<input type="hidden" name="passkeyId" value={passkey.id} />
											{loaderData.needsPassword ? (
												<Field
													className="w-64 max-w-full"
													labelProps={{
														children: (
															<>
																{t('passkeys.password')}
																<span className="sr-only">
																	{t('passkeys.passwordToRemove', { name: passkey.name })}
																</span>
															</>
														),
													}}
													inputProps={{ name: 'password', type: 'password', autoComplete: 'current-password' }}
													errors={removeError ? [removeError] : undefined}
												/>
											) : null}
											<Button type="submit" variant="danger" disabled={busy}>
												{t('passkeys.remove')}
												<span className="sr-only"> {passkey.name}</span>
											</Button>
										</Form>
									</div>
									{removeError && !loaderData.needsPassword ? <ErrorList errors={[removeError]} /> : null}
									{renamed ? (
										<p role="status" className="mt-2 text-sm font-semibold text-green-800">
											{renamed}
										</p>
									) : null}
								</li>
							)
						})}
					</ul>
				)}
			</section>

			<section aria-labelledby="add-passkey" className="mt-10 border-t border-stone-200 pt-8">
				<h3 id="add-passkey" className="text-xl font-semibold text-stone-900">
					{t('passkeys.add')}
				</h3>
				<p className="mt-2 mb-4 text-stone-700">{t('passkeys.addIntro')}</p>
				<PasskeyRegistration needsPassword={loaderData.needsPassword} />
			</section>
		</>
	)
}
