import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/account-erased'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('meta.erasedTitle', { ns: 'erasure' }), t('meta.erasedDescription', { ns: 'erasure' }), NOINDEX)
}

/** Where a person lands after erasing their own account (they are signed out by then). */
export default function AccountErasedRoute() {
	const { t } = useTranslation('erasure')
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">{t('erased.heading')}</h1>
			<p className="mt-4 text-stone-700">{t('erased.body')}</p>
			<p className="mt-4 text-stone-700">
				{t('erased.questionBefore')}{' '}
				<Link to="/contact" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('erased.contactLink')}
				</Link>
				.
			</p>
		</Container>
	)
}
