import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

/**
 * The only hosts whose players may be embedded, each with the path prefix of its embed URLs. Note
 * the trailing slash after each host, so `https://player.mux.com.evil.example/` does not match.
 */
export const EMBED_PREFIXES = [
	'https://www.youtube-nocookie.com/embed/',
	'https://player.vimeo.com/video/',
	'https://player.mux.com/',
] as const

const EMBED_SRC = new RegExp(`^(?:${EMBED_PREFIXES.map(escapeRegExp).join('|')})[A-Za-z0-9_\\-./?=&%]+$`)

/**
 * GitHub's schema (what rehype-sanitize does by default) plus one element: `iframe`, and only with a
 * `src` on the embed allow-list. Everything the default already refuses stays refused: `script`,
 * `style`, `object`, event handler attributes (`on*`), and any href/src whose protocol is not
 * http(s) (or mailto for links), so `javascript:` and `data:` URLs are dropped.
 */
const schema: SanitizeSchema = {
	...defaultSchema,
	tagNames: [...(defaultSchema.tagNames ?? []), 'iframe'],
	attributes: {
		...defaultSchema.attributes,
		iframe: [['src', EMBED_SRC], 'title'],
	},
	protocols: { ...defaultSchema.protocols, src: ['https'] },
	strip: [...(defaultSchema.strip ?? []), 'style', 'object', 'embed'],
}

/**
 * Renders trainer-written Markdown (with GitHub-flavoured tables, task lists and autolinks) to HTML
 * that is safe to put in the page.
 *
 * Raw HTML inside the Markdown is *not* rendered: remark-rehype drops raw HTML nodes unless told
 * otherwise, and rehype-raw (which would parse them) is deliberately not used. So `<script>`,
 * `<img onerror=…>` and the like never reach the output, even before the sanitiser runs. Video
 * embeds are written as an image whose address is an allowed player URL,
 * `![Title of the video](https://www.youtube-nocookie.com/embed/ID)`, and become an `<iframe>`
 * titled with the alt text; any other image stays an image. Absolute links get
 * rel="noopener noreferrer".
 */
export function renderMarkdown(markdown: string): string {
	return String(processor.processSync(markdown))
}

const processor = unified()
	.use(remarkParse)
	.use(remarkGfm)
	.use(remarkRehype)
	.use(() => embedsFromImages)
	.use(rehypeSanitize, schema)
	.use(() => finishElements)
	.use(rehypeStringify)

function embedsFromImages(tree: Root) {
	walk(tree, (node) => {
		if (node.tagName !== 'img') return
		const src = typeof node.properties.src === 'string' ? node.properties.src : ''
		if (!EMBED_SRC.test(src)) return
		const title =
			typeof node.properties.alt === 'string' && node.properties.alt ? node.properties.alt : 'Embedded video'
		node.tagName = 'iframe'
		node.properties = { src, title }
	})
}

/** Runs after sanitising: adds attributes Circle itself chooses (never taken from the author). */
function finishElements(tree: Root) {
	walk(tree, (node, parent) => {
		if (
			node.tagName === 'a' &&
			typeof node.properties.href === 'string' &&
			/^https?:\/\//i.test(node.properties.href)
		) {
			node.properties.rel = ['noopener', 'noreferrer']
		}
		if (node.tagName === 'iframe') {
			if (typeof node.properties.src !== 'string' || !EMBED_SRC.test(node.properties.src)) {
				// The sanitiser keeps an iframe whose src it removed: an empty frame is useless, so drop it.
				const siblings = parent.children as Array<RootContent | ElementContent>
				siblings.splice(siblings.indexOf(node), 1)
				return
			}
			node.properties.loading = 'lazy'
			node.properties.allowFullScreen = true
			node.properties.allow = 'fullscreen; picture-in-picture; encrypted-media'
			node.properties.referrerPolicy = 'strict-origin-when-cross-origin'
			node.properties.className = ['embed']
		}
		if (node.tagName === 'img') node.properties.loading = 'lazy'
	})
}

function walk(node: Root | Element, visit: (node: Element, parent: Root | Element) => void) {
	// Iterate over a copy: `visit` may remove the current child from its parent.
	for (const child of [...node.children]) {
		if (child.type !== 'element') continue
		visit(child, node)
		walk(child, visit)
	}
}

function escapeRegExp(value: string) {
	return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
