import type { MetaDescriptor } from 'react-router'

/**
 * Open Graph and Twitter card tags, so a shared link shows its title and summary: used by the public
 * pages people share (sector pages, free videos). `type` is `website` unless the page is a video.
 */
export function openGraph({
	title,
	description,
	type = 'website',
}: {
	title: string
	description: string
	type?: 'website' | 'video.other'
}): MetaDescriptor[] {
	return [
		{ property: 'og:site_name', content: 'Circle' },
		{ property: 'og:title', content: title },
		{ property: 'og:description', content: description },
		{ property: 'og:type', content: type },
		{ name: 'twitter:card', content: 'summary' },
	]
}
