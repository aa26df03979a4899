import type { TFunction } from 'i18next'

/**
 * The organisation overview's summary in plain sentences, e.g. "1 person in your organisation.
 * 3 of your 20 seats are taken, 17 free. 1 invitation is waiting to be accepted." A seat is taken
 * when someone accepts an invitation; invitations waiting are promised against the free seats.
 * `t` is the page's `org` translator, so the sentences come in the reader's language.
 */
export function describeOrganisation(
	{
		memberCount,
		seats,
		used,
		pendingInvitations,
	}: {
		memberCount: number
		seats: number
		used: number
		pendingInvitations: number
	},
	t: TFunction<'org'>,
) {
	const people = t('summary.people', { count: memberCount })
	const free = Math.max(0, seats - used)
	let seatText: string
	if (seats === 0) seatText = t('summary.noSeats')
	else if (seats === 1) seatText = used >= 1 ? t('summary.oneTaken') : t('summary.oneFree')
	else if (used === 0) seatText = t('summary.noneTaken', { count: seats })
	else if (free === 0) seatText = t('summary.allTaken', { count: seats })
	else seatText = t('summary.someTaken', { count: used, seats, free })
	const waiting = pendingInvitations === 0 ? null : t('summary.waiting', { count: pendingInvitations })
	return [people, seatText, waiting].filter(Boolean).join(' ')
}
