-- Teams mirrored from the organisation's directory (SCIM Groups, ADR 0026)
ALTER TABLE "Team" ADD COLUMN "externalId" TEXT,
ADD COLUMN "managedByDirectory" BOOLEAN NOT NULL DEFAULT false;

CREATE UNIQUE INDEX "Team_organisationId_externalId_key" ON "Team"("organisationId", "externalId");
