# One image recipe for every service in apps/: `--build-arg SERVICE=<app>` picks the app
# started by CMD; HTTP_PORT is the port the app listens on and the health check probes.
#
#   docker build --build-arg SERVICE=billing --build-arg HTTP_PORT=3102 -t order-platform/billing .
#
# Node 24 is the active LTS; the workspace itself still runs on Node >= 20.19.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

# --- production dependencies, exactly as locked -------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# The services run their TypeScript through @swc-node/register (docs/adr/0002), so swc and
# typescript are production dependencies.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime -------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG HTTP_PORT=3000
RUN test -n "${SERVICE}" || (echo "build arg SERVICE is required (an app name under apps/)" >&2; exit 1)
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HTTP_PORT=${HTTP_PORT} \
    SWC_NODE_CACHE_DIR=/tmp/swc-node
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# tsconfig files carry the @order-platform/* path aliases that @swc-node/register resolves.
COPY package.json tsconfig.base.json tsconfig.json .swcrc ./
COPY libs ./libs
COPY apps/${SERVICE} ./apps/${SERVICE}
# The node image ships an unprivileged "node" user (uid 1000); sources stay root-owned.
USER 1000:1000
EXPOSE ${HTTP_PORT}
# No curl in the slim image: Node's own fetch probes the liveness endpoint.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Shell form so ${SERVICE} expands; exec makes node PID 1 so SIGTERM reaches Nest's shutdown hooks.
CMD exec node -r @swc-node/register apps/${SERVICE}/src/main.ts
