/**
 * The organisation overview's summary in plain sentences, e.g. "1 person in your organisation.
 * 3 of your 20 seats are taken, 17 free. 1 invitation is waiting to be accepted." A seat is taken
 * when someone accepts an invitation; invitations waiting are promised against the free seats.
 */
export function describeOrganisation({
	memberCount,
	seats,
	used,
	pendingInvitations,
}: {
	memberCount: number
	seats: number
	used: number
	pendingInvitations: number
}) {
	const people = `${memberCount === 1 ? '1 person' : `${memberCount} people`} in your organisation.`
	const free = Math.max(0, seats - used)
	let seatText: string
	if (seats === 0) seatText = 'You have no seats yet.'
	else if (seats === 1) seatText = used >= 1 ? 'Your 1 seat is taken.' : 'Your 1 seat is free.'
	else if (used === 0) seatText = `None of your ${seats} seats is taken yet: all ${seats} are free.`
	else if (free === 0) seatText = `All ${seats} of your seats are taken.`
	else seatText = `${used} of your ${seats} seats ${used === 1 ? 'is' : 'are'} taken, ${free} free.`
	const waiting =
		pendingInvitations === 0
			? ''
			: pendingInvitations === 1
				? ' 1 invitation is waiting to be accepted.'
				: ` ${pendingInvitations} invitations are waiting to be accepted.`
	return `${people} ${seatText}${waiting}`
}
