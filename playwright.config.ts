import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3999)
export const baseURL = `http://localhost:${port}`
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!fs.existsSync(chromium)) {
	throw new Error(
		`Browser tests need Chromium at ${chromium}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`,
	)
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL,
		locale: 'en-GB',
		// axe-core is injected as an inline script, which Circle's Content-Security-Policy rightly blocks.
		bypassCSP: true,
		timezoneId: 'Europe/London',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromium,
			// This machine has no network beyond localhost: keep Chromium from trying.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
	webServer: {
		command: 'tsx tests/e2e/server.ts',
		url: `${baseURL}/resources/healthcheck`,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: { E2E_PORT: String(port) },
	},
})
