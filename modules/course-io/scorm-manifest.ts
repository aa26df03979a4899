// imsmanifest.xml for a Circle course version packaged as one SCO (see
// docs/decisions/0039-scorm-export.md). Pure: the caller gives the titles and the package's files.

export type ScormFlavour = 'scorm12' | 'scorm2004'

export const SCORM_FLAVOURS: Record<ScormFlavour, { label: string; schemaVersion: string }> = {
	scorm12: { label: 'SCORM 1.2', schemaVersion: '1.2' },
	scorm2004: { label: 'SCORM 2004 4th edition', schemaVersion: '2004 4th Edition' },
}

/** Text for XML element content and attribute values. Characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string) {
	return (
		text
			// eslint-disable-next-line no-control-regex -- tab, LF and CR are the control characters XML allows
			.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			.replace(/'/g, '&apos;')
	)
}

/** An XML ID (NCName): letters, digits, -, _ and ., starting with a letter. */
export function xmlId(text: string) {
	const id = text.replace(/[^A-Za-z0-9_.-]/g, '-')
	return /^[A-Za-z_]/.test(id) ? id : `id-${id}`
}

const ROOT = {
	scorm12: [
		'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
		'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
		'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
		'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd' +
			' http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd' +
			' http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
	],
	scorm2004: [
		'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
		'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
		'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
		'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
		'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
		'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
		'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd' +
			' http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd' +
			' http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd' +
			' http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd' +
			' http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"',
	],
} satisfies Record<ScormFlavour, string[]>

/**
 * The manifest of a one-SCO package: one organisation with one item (the whole course) launching
 * `launch`, whose resource lists every file of the package. SCORM 1.2 sets no mastery score (the
 * package decides passed or failed from each quiz's own pass mark, so the LMS must not override it);
 * SCORM 2004 tells the LMS that the content sets completion and success itself.
 */
export function scormManifest({
	flavour,
	identifier,
	title,
	launch,
	files,
}: {
	flavour: ScormFlavour
	identifier: string
	title: string
	launch: string
	files: string[]
}) {
	const t = escapeXml(title)
	const fileList = files.map((f) => `        <file href="${escapeXml(f)}"/>`).join('\n')
	const scormType = flavour === 'scorm12' ? 'adlcp:scormtype' : 'adlcp:scormType'
	const itemExtra =
		flavour === 'scorm2004'
			? `
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`
			: ''
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(xmlId(identifier))}" version="1"
  ${ROOT[flavour].join('\n  ')}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${SCORM_FLAVOURS[flavour].schemaVersion}</schemaversion>
  </metadata>
  <organizations default="circle-organisation">
    <organization identifier="circle-organisation">
      <title>${t}</title>
      <item identifier="circle-course" identifierref="circle-sco" isvisible="true">
        <title>${t}</title>${itemExtra}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="circle-sco" type="webcontent" ${scormType}="sco" href="${escapeXml(launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`
}
