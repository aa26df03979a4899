import { data, redirect } from 'react-router'
import { z } from 'zod'
import { setLanguage } from '#modules/auth/profile.ts'
import { LANGUAGES } from '#modules/i18n/languages.ts'
import { getOptionalUser, safeRedirectTo } from '#app/utils/auth.server.ts'
import { languageCookie } from '#app/utils/i18n.server.ts'
import type { Route } from './+types/language'

// The header's language switcher posts here (ADR 0041): the choice is kept in a cookie and, for a
// signed-in person, on their account, and the same page is loaded again in the new language.
const LanguageForm = z.object({
	language: z.enum(LANGUAGES),
	redirectTo: z.string().max(2000).optional(),
})

export async function loader() {
	throw redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	const parsed = LanguageForm.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) {
		// Only a hand-made request gets here: the switcher offers the supported languages alone.
		return data({ error: 'Choose English or Cymraeg (Welsh).' }, { status: 400 })
	}
	const { language, redirectTo } = parsed.data
	const user = await getOptionalUser(request)
	if (user) await setLanguage({ userId: user.id, language })
	return redirect(safeRedirectTo(redirectTo, '/'), {
		headers: { 'Set-Cookie': await languageCookie().serialize(language) },
	})
}
