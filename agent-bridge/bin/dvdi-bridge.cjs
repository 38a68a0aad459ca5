#!/usr/bin/env node
require('../dist/bridge.cjs');
