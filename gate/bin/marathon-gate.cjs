#!/usr/bin/env node
require('../dist/gate.cjs');
