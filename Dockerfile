# syntax=docker/dockerfile:1
# Multi-stage: install production dependencies in a build stage, copy them with the sources into a slim
# runtime image. The service runs its TypeScript sources through tsx (a production dependency), so there is
# no separate compile step and the SQL migrations ship beside the code that reads them.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY prompts ./prompts
COPY guardrails ./guardrails
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node directly (not npm) so SIGTERM reaches the server and shutdown is graceful
CMD ["node", "--import", "tsx", "src/server.ts"]
