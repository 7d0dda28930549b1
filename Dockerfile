# syntax=docker/dockerfile:1
# Build stage: compile TypeScript to dist/, then keep only production dependencies (better-sqlite3 is a
# native addon: it is built here, where the compilers are).
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies only, non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 KNOWLEDGE_DIR=/app/knowledge DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web pages (chat, quiz, staff statistics) are served from src/web at run time.
COPY src/web ./src/web
COPY knowledge ./knowledge
RUN mkdir -p /app/data && chown -R node:node /app/data /app/knowledge
USER node
VOLUME ["/app/knowledge", "/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same command the end-to-end test runs (tests/e2e/start.test.ts).
CMD ["node", "dist/main.js"]
