// fontkit ships no types, and Circle uses only these two functions of it (see fonts.ts).
declare module 'fontkit' {
	export function create(buffer: Uint8Array, postscriptName?: string): unknown
	export function registerFormat(format: unknown): void
}
