import type { JobHandler, JobName } from './job-types.ts'

const handlers = new Map<JobName, JobHandler<JobName>>()

/**
 * Tells the worker how to run a job. Circle's own jobs are registered together in handlers.ts
 * (the worker and runQueuedJobs do that for you); registering a name again replaces its handler.
 */
export function registerJob<Name extends JobName>(name: Name, handler: JobHandler<Name>): void {
	handlers.set(name, handler as JobHandler<JobName>)
}

/** The handler for `name`, or undefined when none is registered. */
export function getJobHandler<Name extends JobName>(name: Name): JobHandler<Name> | undefined {
	return handlers.get(name) as JobHandler<Name> | undefined
}

/** Names of every job with a handler, in registration order. */
export function registeredJobNames(): JobName[] {
	return [...handlers.keys()]
}
