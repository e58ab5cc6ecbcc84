# syntax=docker/dockerfile:1
# One image for every Tagline function: each Knative Service picks its function with
# FUNCTION_TARGET. Nothing is written at run time (the cluster store is Redis), so the container
# runs as a non-root user on a read-only root filesystem.
ARG NODE_VERSION=20

# Production dependencies only. better-sqlite3's native addon is built (or its prebuilt binary
# fetched) here, where the full image has python3, make and g++.
FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Compile TypeScript (and the widget bundle) with the dev dependencies, then keep only what the
# functions load: no tests, benchmarks, local platform or scripts.
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
RUN rm -rf dist/test dist/bench dist/local dist/scripts && find dist -name '*.test.js' -delete && find dist -name '*.test.js.map' -delete

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# The numeric id of the image's `node` user, so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 8080
# Exec form: node is PID 1 and receives SIGTERM; the framework shuts down on it.
CMD ["node", "--require", "./dist/shared/preload.js", "node_modules/@google-cloud/functions-framework/build/src/main.js", "--source=dist/functions"]
