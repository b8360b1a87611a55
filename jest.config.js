/** Jest runs the TypeScript sources through ts-jest; type checks are `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  setupFiles: ["reflect-metadata"],
  testTimeout: 30000,
};
