import { useTranslation } from 'react-i18next'
import { data, Form, redirect, useNavigation } from 'react-router'
import { Field, SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { normaliseCertificateCode } from '#modules/certificates/code.ts'
import { normaliseProgrammeCertificateCode } from '#modules/programmes/code.ts'
import type { Route } from './+types/verify._index'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		// An error in the title is the first thing a screen reader announces after the page reloads.
		`${data?.error ? t('verify.errorPrefix', { ns: 'public-pages' }) : ''}${t('verify.metaTitle', { ns: 'public-pages' })}`,
		t('verify.metaDescription', { ns: 'public-pages' }),
		NOINDEX,
	)
}

/**
 * The form sends `?code=` here: a code that reads as a Circle code (in any case, with or without
 * spaces or dashes) goes on to its verification page; anything else gets a field error at once,
 * without touching the database.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const raw = new URL(request.url).searchParams.get('code')
	if (raw === null) return { code: '', error: null }
	const t = await getT(request)
	if (!raw.trim()) return data({ code: '', error: t('verify.empty', { ns: 'public-pages' }) }, { status: 400 })
	// A programme certificate's number (PROG-…) has its own page.
	const programmeCode = /^\s*prog/i.test(raw) ? normaliseProgrammeCertificateCode(raw) : null
	if (programmeCode) throw redirect(`/verify/programmes/${programmeCode}`)
	const code = normaliseCertificateCode(raw)
	if (!code)
		return data({ code: raw.slice(0, 100), error: t('verify.malformed', { ns: 'public-pages' }) }, { status: 400 })
	throw redirect(`/verify/${code}`)
}

export default function VerifyRoute({ loaderData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('public-pages')
	const jsonPath = `/verify/<${t('verify.numberWord')}>.json`
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t('verify.heading')}</h1>
			<div className="prose-circle mt-4 space-y-3 text-lg leading-relaxed text-stone-700">
				<p>{t('verify.intro')}</p>
			</div>
			<Form method="get" action="/verify" className="mt-8 max-w-lg space-y-5" noValidate>
				<Field
					labelProps={{ children: t('verify.number') }}
					description={t('verify.numberDescription')}
					inputProps={{
						id: 'code',
						name: 'code',
						defaultValue: loaderData.code,
						autoComplete: 'off',
						autoCapitalize: 'characters',
						spellCheck: false,
						placeholder: 'CIRC-XXXX-XXXX-XXXX-XXXX',
						className: 'font-mono tracking-wide uppercase',
						// Focus returns to the field that needs fixing.
						autoFocus: Boolean(loaderData.error),
					}}
					errors={loaderData.error ? [loaderData.error] : undefined}
				/>
				<SubmitButton pending={navigation.state === 'loading'} pendingText={t('verify.submitting')}>
					{t('verify.submit')}
				</SubmitButton>
			</Form>
			<p className="mt-10 text-sm text-stone-600">
				{t('verify.jsonIntro')}
				<code className="mx-1 rounded bg-stone-100 px-1 py-0.5">{jsonPath}</code>.
			</p>
		</Container>
	)
}
