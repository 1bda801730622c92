#!/usr/bin/env node
/**
 * The `yearbook` command, run in this process. bin/yearbook runs it from the startup snapshot
 * (./snapshot) instead, which saves loading and setting up the modules.
 */
import { runCli } from './program.js';

await runCli(process.argv.slice(2));
