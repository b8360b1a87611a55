import { dirname, join } from "node:path";
import type { Route } from "../core/server/http-handler";
import { fileRoute, folderRoutes } from "./static-route";

/**
 * The thin clients: /app for volunteers, /supervisor, /board, and GraphiQL. They use only
 * the public GraphQL API, like any department's dashboard would, and load nothing from
 * another host: their libraries are served from this server's node_modules.
 */
export function clientRoutes(options: { graphiql: boolean }): Map<string, Route> {
  const here = __dirname;
  const routes = new Map<string, Route>();
  for (const page of ["app", "board", "supervisor"]) {
    routes.set(`/${page}`, fileRoute(join(here, page, "index.html")));
    routes.set(`/${page}/`, fileRoute(join(here, page, "index.html")));
    routes.set(`/${page}/${page}.js`, fileRoute(join(here, page, `${page}.js`)));
  }
  for (const file of ["hall-client.js", "i18n.js", "style.css"]) {
    routes.set(`/shared/${file}`, fileRoute(join(here, "shared", file)));
  }
  // graphql-ws does not export its package.json; its CommonJS entry sits in dist/ beside the
  // browser ESM files we serve.
  const graphqlWsDist = dirname(require.resolve("graphql-ws"));
  for (const [path, route] of folderRoutes("/vendor/graphql-ws/", graphqlWsDist, [".js"])) {
    routes.set(path, route);
  }
  if (options.graphiql) {
    for (const [path, route] of graphiqlRoutes(here)) routes.set(path, route);
  }
  routes.set("/", fileRoute(join(here, "shared", "home.html")));
  return routes;
}

function graphiqlRoutes(here: string): Map<string, Route> {
  const routes = new Map<string, Route>();
  const resolve = (module: string, file: string) => join(dirname(require.resolve(`${module}/package.json`)), file);
  routes.set("/graphiql", fileRoute(join(here, "graphiql", "index.html")));
  routes.set("/graphiql/graphiql.js", fileRoute(join(here, "graphiql", "graphiql.js")));
  routes.set("/vendor/react.js", fileRoute(resolve("react", "umd/react.production.min.js")));
  routes.set("/vendor/react-dom.js", fileRoute(resolve("react-dom", "umd/react-dom.production.min.js")));
  routes.set("/vendor/graphiql.js", fileRoute(resolve("graphiql", "graphiql.min.js")));
  routes.set("/vendor/graphiql.css", fileRoute(resolve("graphiql", "graphiql.min.css")));
  return routes;
}
