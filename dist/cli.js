#!/usr/bin/env node
// The mediaconvert-encrypt command: the CLI's bundle is dist/cli/.
import './cli/index.js';
