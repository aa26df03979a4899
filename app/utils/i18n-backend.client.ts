// The browser's message loader (ADR 0053), browser-only (`.client`: the server's build leaves it out;
// the server holds every message already, modules/i18n/resources.ts). Each namespace of each
// language is its own chunk; a page's own namespaces come inlined in its HTML, and this loads the
// namespaces of a route the reader navigates to (app/utils/i18n-navigation.client.ts), or of the other
// language when signing in switches it.
import type { BackendModule, ReadCallback } from 'i18next'

const files = import.meta.glob<Record<string, unknown>>('../../modules/i18n/locales/*/*.json', { import: 'default' })

export const messagesBackend: BackendModule = {
	type: 'backend',
	init() {},
	read(language: string, namespace: string, callback: ReadCallback) {
		const load = files[`../../modules/i18n/locales/${language}/${namespace}.json`]
		if (!load) return callback(new Error(`No messages for ${language}/${namespace}`), false)
		load().then(
			(messages) => callback(null, messages),
			(error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
		)
	},
}
