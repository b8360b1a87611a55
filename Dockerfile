# The hall as one container: `docker compose up` runs it beside MySQL and Redis.
FROM node:20-bookworm-slim

# better-sqlite3 has no prebuilt binary for this image and compiles during npm ci.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so that a change to the sources does not reinstall them.
# `npm start` runs the TypeScript through ts-node, a runtime dependency: devDependencies
# (jest, the bench's express and autocannon) are not needed here.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY . .
RUN mkdir -p data && chown node:node data

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
USER node
EXPOSE 4000

# /healthz answers {"status":"ok",...} on the GraphQL port once the database answers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

CMD ["npm", "start"]
