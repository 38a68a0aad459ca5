// One whole-process run of VS Code's JSON language service on a file: what an editor (or a CI script
// built on it) pays. Prints the number of diagnostics so the bench can check it did the work.
// Usage: node bench/vscode-json-validate.mjs <schema.json> <document.json>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');
const [schemaPath, docPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ls = getLanguageService({ schemaRequestService: () => Promise.reject(new Error('offline')) });
const uri = pathToFileURL(docPath).href;
ls.configure({ validate: true, schemas: [{ uri: schema.$id ?? 'inmemory://schema.json', fileMatch: ['*.json'], schema }] });
const doc = TextDocument.create(uri, 'json', 1, readFileSync(docPath, 'utf8'));
const diags = await ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'error' });
process.stdout.write(`${diags.length}\n`);
process.exitCode = diags.length > 0 ? 1 : 0;
