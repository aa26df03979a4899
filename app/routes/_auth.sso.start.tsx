import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { ssoRedirectFor } from '#app/utils/sso.server.ts'
import { SsoStartSchema } from '#modules/sso/schemas.ts'
import type { Route } from './+types/_auth.sso.start'

const VIA: Record<string, string> = { microsoft: 'Microsoft', google: 'Google' }

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('ssoStart.metaTitle', { ns: 'auth' }), t('ssoStart.metaDescription', { ns: 'auth' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

/** Finds the organisation that verified the address's domain and sends the browser to its provider. */
export async function action({ request, context }: Route.ActionArgs) {
	await requireAnonymous(request)
	const submission = parseWithZod(await request.formData(), { schema: SsoStartSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const sent = await ssoRedirectFor({ ...submission.value, ipAddress: context.clientIp })
		if (sent) return sent
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	const t = await getT(request)
	return data(
		{ result: submission.reply({ fieldErrors: { email: [t('ssoStart.noOrganisation', { ns: 'auth' })] } }) },
		{ status: 400 },
	)
}

export default function SsoStartRoute({ actionData }: Route.ComponentProps) {
	const [searchParams] = useSearchParams()
	const via = VIA[searchParams.get('via') ?? ''] ?? null
	const navigation = useNavigation()
	const { t } = useTranslation('auth')
	const [form, fields] = useForm({
		id: 'sso-start',
		lastResult: actionData?.result,
		defaultValue: { email: searchParams.get('email') ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoStartSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">
				{via ? t('ssoStart.headingVia', { provider: via }) : t('ssoStart.heading')}
			</h1>
			<p className="mt-2 text-stone-700">{t('ssoStart.intro')}</p>
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
				<Field
					labelProps={{ children: t('ssoStart.email') }}
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
						required: true,
					}}
					errors={fields.email.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('ssoStart.submitting')}>
					{t('ssoStart.submit')}
				</SubmitButton>
			</Form>
			<p className="mt-8 border-t border-stone-200 pt-6 text-stone-700">
				{t('ssoStart.usePassword')}{' '}
				<Link to="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('ssoStart.logIn')}
				</Link>
			</p>
		</>
	)
}
