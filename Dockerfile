# syntax=docker/dockerfile:1
# Conduit: MCP server + X-Ray. Multi-stage: build with dev dependencies, run with production ones only.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The `node` devDependency is only for clones on older system Node; the image already has Node 22.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN node node_modules/typescript/bin/tsc -p tsconfig.build.json

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY migrations ./migrations
COPY README.md TROUBLESHOOTING.md LICENSE ./
# Scans live in /data (SQLite) unless DATABASE_URL selects Postgres.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Config at /config/conduit.yaml; secrets through the environment. 0.0.0.0 inside the container needs auth tokens.
ENTRYPOINT ["node", "bin/conduit.js"]
CMD ["serve", "--config", "/config/conduit.yaml", "--http", "0.0.0.0:3000"]
