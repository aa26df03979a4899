/**
 * Run by modules/reminders/exactly-once.test.ts as an "app process" of its own: does what a web
 * process running the scheduler may do (queue the `reminders` job for NOW) and also runs the scan
 * itself, SCANS times over, racing every other process against the same database. Prints a JSON
 * summary of what this process queued.
 */
import { prisma } from '#modules/db/client.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { runReminders } from '#modules/reminders/run-reminders.ts'

const now = new Date(process.env.NOW!)
const scans = Number(process.env.SCANS ?? 2)

await enqueueJob('reminders', { now: now.toISOString() })
let sent = 0
for (let i = 0; i < scans; i++) sent += (await runReminders({ now })).sent
console.log(JSON.stringify({ sent }))
await stopBoss({ timeoutMs: 1_000 })
await prisma.$disconnect()
