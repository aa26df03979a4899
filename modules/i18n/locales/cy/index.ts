// Every Welsh message file, one per namespace, matching ../en/index.ts (ADR 0041).
import admin from './admin.json' with { type: 'json' }
import billing from './billing.json' with { type: 'json' }
import catalogue from './catalogue.json' with { type: 'json' }
import common from './common.json' with { type: 'json' }
import dataExport from './data-export.json' with { type: 'json' }
import emails from './emails.json' with { type: 'json' }
import erasure from './erasure.json' with { type: 'json' }
import learn from './learn.json' with { type: 'json' }
import scorm from './scorm.json' with { type: 'json' }
import xapi from './xapi.json' with { type: 'json' }

export default { admin, billing, catalogue, common, 'data-export': dataExport, emails, erasure, learn, scorm, xapi }
