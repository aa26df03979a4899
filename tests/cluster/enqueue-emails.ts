/**
 * Run inside the cluster's environment (RunningCluster.runScript): stores and queues `count` emails
 * (one `send-email` job each, as any notification does) to drill-mail-<tag>-<i>@circle.drill, and
 * prints their EmailMessage ids as JSON on the last line.
 *
 *   tsx tests/cluster/enqueue-emails.ts <count> <tag>
 */
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { sendEmail } from '#modules/mail/send-email.ts'

const [countArg, tag] = process.argv.slice(2)
const count = Number(countArg)
if (!Number.isInteger(count) || count < 1 || !tag || !/^[a-z0-9-]+$/.test(tag)) {
	throw new Error('Usage: enqueue-emails.ts <count> <tag>')
}
const ids: string[] = []
for (let i = 0; i < count; i++) {
	const { id } = await sendEmail({
		to: `drill-mail-${tag}-${i}@circle.drill`,
		template: 'password-changed',
		props: { name: `Drill ${i}` },
	})
	ids.push(id)
}
await stopBoss()
await prisma.$disconnect()
console.log(JSON.stringify(ids))
process.exit(0)
