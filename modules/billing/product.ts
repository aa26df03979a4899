// What an order bought: a course or a programme (a CHECK on Order keeps exactly one). Every page
// and email that names the purchase reads it through orderProduct, so the two kinds never drift.

/** Select this with an order to call orderProduct on it. */
export const ORDER_PRODUCT_SELECT = {
	course: { select: { id: true, slug: true, publishedVersion: { select: { title: true } } } },
	programme: { select: { id: true, slug: true, title: true } },
} as const

type ProductRows = {
	course: { id: string; slug: string; publishedVersion: { title: string } | null } | null
	programme: { id: string; slug: string; title: string } | null
}

export type OrderProduct = {
	kind: 'course' | 'programme'
	id: string
	slug: string
	title: string
	/** The public page it is sold on. */
	pageUrl: string
	/** Where the buyer goes to learn once it is theirs. */
	learnUrl: string
	/** Where to start buying it again. */
	buyUrl: string
}

/** The one reading of what an order bought, with the addresses the pages link to. */
export function orderProduct({ course, programme }: ProductRows): OrderProduct {
	if (programme) {
		const pageUrl = `/programmes/${programme.slug}`
		return {
			kind: 'programme',
			id: programme.id,
			slug: programme.slug,
			title: programme.title,
			pageUrl,
			learnUrl: pageUrl,
			buyUrl: pageUrl,
		}
	}
	if (!course) throw new Error('An order buys a course or a programme')
	return {
		kind: 'course',
		id: course.id,
		slug: course.slug,
		title: course.publishedVersion?.title ?? course.slug,
		pageUrl: `/courses/${course.slug}`,
		learnUrl: `/learn/${course.slug}`,
		buyUrl: `/courses/${course.slug}/buy`,
	}
}
