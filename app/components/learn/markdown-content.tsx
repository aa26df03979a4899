import { cx } from '#app/components/ui/cx.ts'

// Typography for rendered Markdown, scoped to this wrapper (the site has no typography plugin).
const proseClasses = [
	'prose-circle max-w-[70ch] text-[1.0625rem] leading-relaxed text-stone-800',
	'[&_h2]:mt-10 [&_h2]:mb-3 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:text-stone-900',
	'[&_h3]:mt-8 [&_h3]:mb-2 [&_h3]:text-xl [&_h3]:font-semibold [&_h3]:text-stone-900',
	'[&_h4]:mt-6 [&_h4]:font-semibold [&_p]:mt-4',
	'[&_ul]:mt-4 [&_ul]:list-disc [&_ul]:space-y-2 [&_ul]:pl-6 [&_ol]:mt-4 [&_ol]:list-decimal [&_ol]:space-y-2 [&_ol]:pl-6',
	'[&_li>p]:mt-0 [&_strong]:font-semibold [&_strong]:text-stone-900',
	'[&_blockquote]:mt-6 [&_blockquote]:border-l-4 [&_blockquote]:border-brand-300 [&_blockquote]:bg-brand-50 [&_blockquote]:px-5 [&_blockquote]:py-3 [&_blockquote]:text-brand-950',
	'[&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:text-[0.95em]',
	'[&_table]:mt-6 [&_table]:w-full [&_table]:border-collapse [&_td]:border [&_td]:border-stone-300 [&_td]:px-3 [&_td]:py-2 [&_th]:border [&_th]:border-stone-300 [&_th]:bg-stone-100 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left',
	'[&_hr]:my-8 [&_hr]:border-stone-200 [&_img]:mt-4 [&_img]:max-w-full [&_img]:rounded-lg',
	'[&_iframe]:mt-6 [&_iframe]:aspect-video [&_iframe]:w-full [&_iframe]:rounded-xl [&_iframe]:border-0',
].join(' ')

/**
 * Shows Markdown that modules/markdown/render-markdown.ts has already turned into sanitised HTML on
 * the server. Nothing else may be passed here: this is the one place Circle sets inner HTML.
 */
export function MarkdownContent({ html, className, lang }: { html: string; className?: string; lang?: string }) {
	return <div lang={lang} className={cx(proseClasses, className)} dangerouslySetInnerHTML={{ __html: html }} />
}
