import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { checkIdentityLink, confirmIdentityLink } from '#modules/sso/sign-in.ts'
import type { Route } from './+types/_auth.sso.link'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('ssoLink.metaTitle', { ns: 'auth' }), t('ssoLink.metaDescription', { ns: 'auth' }), NOINDEX)
}

function tokenOf(request: Request) {
	const token = new URL(request.url).searchParams.get('token') ?? ''
	return /^[a-z2-7]{1,100}$/.test(token) ? token : null
}

/** Shows what the emailed link will do; nothing changes until the person presses the button (link scanners only GET). */
export async function loader({ request }: Route.LoaderArgs) {
	const token = tokenOf(request)
	const link = token ? await checkIdentityLink({ token }) : null
	return { link }
}

export async function action({ request, context }: Route.ActionArgs) {
	const token = tokenOf(request)
	if (!token) {
		const t = await getT(request)
		return data({ ok: false as const, message: t('ssoLink.incomplete', { ns: 'auth' }) }, { status: 400 })
	}
	try {
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const result = await confirmIdentityLink({ token, ...origin })
		return redirectAfterSignIn(result, undefined, { deviceCookie })
	} catch (error) {
		return replyWithProblem(error, {})
	}
}

export default function SsoLinkRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { link } = loaderData
	const navigation = useNavigation()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation('auth')
	if (!link) {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">{t('ssoLink.cannotUse')}</h1>
				<Notice tone="error" role="alert" className="mt-6">
					{t('ssoLink.expired')}
				</Notice>
				<p className="mt-6">
					<Link to="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
						{t('ssoLink.backToLogIn')}
					</Link>
				</p>
			</>
		)
	}
	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('ssoLink.heading')}</h1>
			<p className="mt-2 text-stone-700">
				{t('ssoLink.intro', { email: link.email, organisation: link.organisationName })}
			</p>
			{actionData && !actionData.ok ? (
				<Notice tone="error" role="alert" className="mt-6">
					{actionData.message}
				</Notice>
			) : null}
			<Form
				method="post"
				action={`/sso/link?${new URLSearchParams({ token: searchParams.get('token') ?? '' })}`}
				className="mt-6"
			>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('ssoLink.submitting')}>
					{t('ssoLink.submit')}
				</SubmitButton>
			</Form>
		</>
	)
}
