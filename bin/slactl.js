#!/usr/bin/env node
// The installed slactl command: runs the compiled CLI from dist/ (npm run build).
import { main } from "../dist/cli/main.js";

await main(process.argv.slice(2));
