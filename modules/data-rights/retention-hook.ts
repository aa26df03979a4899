/**
 * The erasure the retention job calls for an inactive account. Lane 3 (docs/decisions/0038) writes
 * `eraseAccount({ actor, userId, reason, now })` in modules/data-rights/erasure.ts on another branch;
 * until it is merged this hook has no eraser, and the retention job warns inactive accounts but
 * erases none (it logs how many are due and leaves their erasure unclaimed, so the first run after
 * the merge erases them). At merge, set the default below to eraseAccount (one import, one line).
 */
export type EraseAccountForRetention = (options: {
	actor: { kind: 'system'; name: 'retention' }
	userId: string
	reason: string
	now: Date
}) => Promise<unknown>

// HOOK(lane 3): replace null with eraseAccount from './erasure.ts' once it is merged.
let eraser: EraseAccountForRetention | null = null

/** The eraser the retention job uses, or null while erasure is not merged. */
export function getRetentionEraser() {
	return eraser
}

/** Sets (or, with null, removes) the eraser: tests pass a fake; the merge passes eraseAccount. */
export function setRetentionEraser(next: EraseAccountForRetention | null) {
	eraser = next
}
