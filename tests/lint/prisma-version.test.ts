// ADR 0061: Circle stays on Prisma 6.19, with the CLI, the client and the adapter pinned exactly to
// the same version (the generated client and the adapter must agree), and ADR 0002's offline set-up
// depends on 6.19's WebAssembly schema engine. An upgrade has to change this test and the ADRs.
import fs from 'node:fs'
import { expect, test } from 'vitest'

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
	dependencies: Record<string, string>
	devDependencies: Record<string, string>
}
const wanted = { ...manifest.dependencies, ...manifest.devDependencies }
const PACKAGES = ['prisma', '@prisma/client', '@prisma/adapter-pg'] as const

test('prisma, @prisma/client and @prisma/adapter-pg are pinned to one exact 6.19 version', () => {
	const pins = PACKAGES.map((name) => wanted[name])
	expect(pins[0]).toMatch(/^6\.19\.\d+$/)
	expect(new Set(pins)).toEqual(new Set([pins[0]]))
})

test('what is installed is what is pinned', () => {
	for (const name of PACKAGES) {
		const installed = (JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
			.version
		expect(installed, name).toBe(wanted[name])
	}
})
