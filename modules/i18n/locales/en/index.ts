// Every English message file, one per namespace (ADR 0041). A new namespace is one JSON file here and
// in ../cy, and one line in each index; modules/i18n/parity.test.ts fails if the two differ.
import account from './account.json' with { type: 'json' }
import admin from './admin.json' with { type: 'json' }
import auth from './auth.json' with { type: 'json' }
import billing from './billing.json' with { type: 'json' }
import catalogue from './catalogue.json' with { type: 'json' }
import circles from './circles.json' with { type: 'json' }
import common from './common.json' with { type: 'json' }
import coursePage from './course-page.json' with { type: 'json' }
import cpd from './cpd.json' with { type: 'json' }
import dashboard from './dashboard.json' with { type: 'json' }
import dataExport from './data-export.json' with { type: 'json' }
import emails from './emails.json' with { type: 'json' }
import errors from './errors.json' with { type: 'json' }
import erasure from './erasure.json' with { type: 'json' }
import home from './home.json' with { type: 'json' }
import learn from './learn.json' with { type: 'json' }
import news from './news.json' with { type: 'json' }
import newsletter from './newsletter.json' with { type: 'json' }
import newsletterSignup from './newsletter-signup.json' with { type: 'json' }
import org from './org.json' with { type: 'json' }
import previews from './previews.json' with { type: 'json' }
import publicPages from './public-pages.json' with { type: 'json' }
import records from './records.json' with { type: 'json' }
import scorm from './scorm.json' with { type: 'json' }
import sectors from './sectors.json' with { type: 'json' }
import studio from './studio.json' with { type: 'json' }
import ui from './ui.json' with { type: 'json' }
import xapi from './xapi.json' with { type: 'json' }

export default { account, admin, auth, billing, catalogue, circles, common, 'course-page': coursePage, cpd, dashboard, 'data-export': dataExport, emails, erasure, errors, home, learn, news, newsletter, 'newsletter-signup': newsletterSignup, org, previews, 'public-pages': publicPages, records, scorm, sectors, studio, ui, xapi }
