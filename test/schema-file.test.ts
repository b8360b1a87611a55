import { readFileSync } from "node:fs";
import { renderSchema, SCHEMA_FILE } from "../scripts/emit-schema";

describe("the committed schema.graphql", () => {
  it("is what the code builds with every offered plugin", () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    const built = renderSchema();
    if (committed === built) return;

    const was = committed.split("\n");
    const now = built.split("\n");
    const line = now.findIndex((text, i) => text !== was[i]);
    const at = line === -1 ? now.length : line;
    throw new Error(
      "schema.graphql is not the schema the code builds: run npm run schema and commit the file.\n" +
        `First difference at line ${at + 1}:\n  committed: ${was[at] ?? "(end of file)"}\n` +
        `  built:     ${now[at] ?? "(end of file)"}`,
    );
  });
});
