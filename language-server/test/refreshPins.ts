// `npm run pins`: rewrites test/rules/**/invalid*.findings.txt from what the engine says now (see rulePins.ts).
import { refreshPins } from './rulePins';

const { written, removed } = refreshPins();
for (const f of written) console.log(`pins: wrote ${f}`);
for (const f of removed) console.log(`pins: removed ${f} (no such invalid fixture)`);
console.log(`pins: ${written.length} written, ${removed.length} removed; review them with git diff`);
