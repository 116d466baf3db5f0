# syntax=docker/dockerfile:1
# Spridning's composed process (apps/server): the API, the Slack receiver, mail links and the
# delivery workers. Build: docker build -t spridning .   Run: see compose.yaml and the README.

FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN corepack enable
# Dependencies first, so a change in the sources does not download them again.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY apps/api/package.json apps/api/
COPY apps/email/package.json apps/email/
COPY apps/slack/package.json apps/slack/
COPY apps/server/package.json apps/server/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @spridning/server... build \
 && pnpm --filter @spridning/server deploy --prod --legacy /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    SPRIDNING_DATA_DIR=/data/pglite \
    SPRIDNING_MAIL_SINK_DIR=/data/mail
WORKDIR /app
# Production dependencies and the built packages only (with the database migrations).
COPY --from=build --chown=root:root /out /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Ready = the database answers and every migration of this build is applied.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
