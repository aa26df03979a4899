# syntax=docker/dockerfile:1
# Circle's production image (docs/decisions/0047-production-image-and-processes.md).
#
#   docker build -t circle .
#   docker run --rm -e DATABASE_URL=… circle npm run db:migrate     # once per release, before the app
#   docker run -d -p 3000:3000 -e DATABASE_URL=… -e APP_URL=… -e SECRETS_ENCRYPTION_KEY=… circle
#   docker run -d -e DATABASE_URL=… circle node --import tsx scripts/worker.ts
#
# The server runs one HTTP worker per core (WEB_CONCURRENCY) and drains on SIGTERM within
# SHUTDOWN_GRACE_SECONDS. Migrations never run at start: a replica starting must not change the schema
# under the replicas already serving.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app

# ---- build: every dependency, the production build, then only production dependencies kept ----
FROM base AS build
# What `npm ci`'s postinstall (prisma generate) reads, first, so that the dependency layer is cached
# until the lockfile or the schema changes.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY modules/db/catalog-safe-client.ts ./modules/db/catalog-safe-client.ts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
	&& npm prune --omit=dev --no-audit --no-fund

# ---- runtime: the built app (compiled; scripts/start.mjs runs build/server/start.js), its sources (migrations and scripts run by tsx), production dependencies, a non-root user ----
FROM base AS runtime
ENV NODE_ENV=production \
	PORT=3000 \
	NPM_CONFIG_UPDATE_NOTIFIER=false
# tini as PID 1: passes SIGTERM to Node (which drains) and reaps the processes Node starts.
RUN apt-get update \
	&& apt-get install -y --no-install-recommends tini \
	&& rm -rf /var/lib/apt/lists/*
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/app ./app
COPY --from=build /app/modules ./modules
COPY --from=build /app/emails ./emails
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
# The code belongs to root and is read-only to the app; only uploads (UPLOAD_DIR) are writable.
# Mount a volume there, or use object storage, when more than one replica runs.
RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data
USER node
EXPOSE 3000
# Liveness, as Kubernetes checks it: the process answers (never the database).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["tini", "--"]
CMD ["node", "scripts/start.mjs"]
