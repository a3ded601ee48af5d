#!/usr/bin/env node
// The installed command: runs the CLI compiled ahead of time into dist/.
import { run } from '../dist/cli.js';

run();
