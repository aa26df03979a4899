// The "Join the inner circle" form of the footer and the home page, hydrated after the rest of the
// page (issue 18).
//
// The form (with its fields, sector boxes and notice, ~3.6 KB gzip) is in every page's footer, at the
// bottom of the page, and in the home page's lower half. Imported by the root, it was in every page's
// list of modules to download before hydrating. Here it is a chunk of its own: the server renders it into the page as before, and the
// browser hydrates the page without it, leaving the form's server HTML as it is (a dehydrated
// Suspense boundary) until its chunk, requested as hydration reaches the footer, has come; React then
// hydrates it. Until then it is the form without JavaScript: a submit posts to /newsletter/subscribe,
// which answers with the same form, errors beside their fields.
import { type ComponentProps, lazy, memo, Suspense } from 'react'
import type * as SignupForm from './signup-form.tsx'

type SignupFormModule = typeof SignupForm

let loaded: SignupFormModule | undefined
let loading: Promise<SignupFormModule> | undefined

function loadSignupForm() {
	loading ??= import('#app/components/newsletter/signup-form.tsx').then((module) => (loaded = module))
	return loading
}

// The server loads the form as it starts, so that no page's render has to wait for it: a render
// that waited would send the footer later, after a fallback, in a streamed chunk of its own.
if (import.meta.env.SSR) void loadSignupForm()

const LazySignupForm = lazy(() => {
	const component = (module: SignupFormModule) => ({ default: module.NewsletterSignupForm })
	if (loaded) {
		// Already loaded: a thenable that answers at once, which React.lazy reads without suspending.
		const value = component(loaded)
		return { then: (resolve: (result: typeof value) => void) => resolve(value) } as unknown as Promise<typeof value>
	}
	return loadSignupForm().then(component)
})

/**
 * NewsletterSignupForm (signup-form.tsx), loaded as above. Memoised, and given only strings: a
 * re-render of the page around it does not reach a form still waiting to hydrate (React would render
 * such a boundary again from its fallback, and the form would blink).
 */
export const LazyNewsletterSignupForm = memo(function LazyNewsletterSignupForm(
	props: Pick<ComponentProps<SignupFormModule['NewsletterSignupForm']>, 'source' | 'className'>,
) {
	return (
		<Suspense fallback={null}>
			<LazySignupForm {...props} />
		</Suspense>
	)
})
