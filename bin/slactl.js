#!/usr/bin/env node
// The installed slactl command: runs the compiled CLI from dist/ (npm run build).
import { processIo, run } from "../dist/cli/main.js";

process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await run(process.argv.slice(2), processIo);
