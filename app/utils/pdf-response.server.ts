/** A private PDF download (a certificate, a portfolio export): never cached, saved under `filename`. */
export function pdfDownload({ filename, content }: { filename: string; content: Uint8Array }) {
	return new Response(new Uint8Array(content), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(content.length),
			'Cache-Control': 'private, no-store',
		},
	})
}
