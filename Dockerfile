# Trygg as a container image: Node 24, the production dependencies only, a non-root user, and tini as PID 1
# so that SIGTERM reaches the server, which drains within SHUTDOWN_GRACE_SECONDS (give the orchestrator a
# longer stop timeout). Configuration comes from the environment (env.sample), never from files in the image.
#
#   docker build -t trygg .
#   docker run --rm -p 3978:3978 --env-file .env trygg
FROM node:24-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY config ./config
COPY dialogs ./dialogs
COPY locales ./locales
COPY src ./src
RUN mkdir /data && chown node:node /data
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=10s --timeout=4s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "src/index.ts"]
