// Every Welsh message file, one per namespace, matching ../en/index.ts (ADR 0041).
import common from './common.json' with { type: 'json' }
import xapi from './xapi.json' with { type: 'json' }

export default { common, xapi }
