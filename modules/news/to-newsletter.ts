// A newsletter issue made from a news post (issue 19): the post's title as the subject, its summary and
// body as the Markdown, a link back to the post, and its sectors as the audience. The issue is a draft
// in the studio's newsletters, to edit, test and send like any other; the post is unchanged.
import { appUrl } from '#modules/env/env.ts'
import { createNewsletterIssue } from '#modules/newsletter/issues.ts'
import { getStudioPost } from './posts.ts'

export async function createNewsletterIssueFromPost({ actorId, postId }: { actorId: string; postId: string }) {
	// getStudioPost checks the actor may write news; createNewsletterIssue that they may write newsletters.
	const post = await getStudioPost({ actorId, postId })
	const link = `${appUrl()}/news/${encodeURIComponent(post.slug)}`
	const markdown = `${post.summary}\n\n${post.body}\n\n[Read “${post.title}” on Circle](${link})\n`
	return createNewsletterIssue({ actorId, subject: post.title, markdown, sectors: post.sectors })
}
