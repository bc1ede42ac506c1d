#!/usr/bin/env node
// The `codebridge` command. A file of its own, present before any build, so that npm links it in
// a workspace on install (npm skips a bin whose file is missing, as dist/ is in a fresh clone).
// It runs the bundle of dist/bin.js (scripts/bundle.mjs): the same code in fewer files.
import '../dist/codebridge.js';
