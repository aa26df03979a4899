-- DropIndex
DROP INDEX "OrganisationDomain_domain_key";

-- DropIndex
DROP INDEX "OrganisationDomain_organisationId_idx";

-- CreateIndex
CREATE INDEX "OrganisationDomain_domain_idx" ON "OrganisationDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationDomain_organisationId_domain_key" ON "OrganisationDomain"("organisationId", "domain");

-- Hand-written (docs/decisions/0023-sso-oidc.md, amended): several organisations may hold a pending
-- claim of one domain, but only one may hold it verified. The first to verify wins, and a second
-- verification fails here even when two race.
CREATE UNIQUE INDEX "OrganisationDomain_verified_domain_key" ON "OrganisationDomain"("domain") WHERE "verifiedAt" IS NOT NULL;
