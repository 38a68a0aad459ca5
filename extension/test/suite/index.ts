/** Mocha inside the real VS Code extension host (code-server): the contract @vscode/test-electron uses too. */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  // Define describe/it on the global object before the (bundled) suite module is evaluated.
  mocha.suite.emit('pre-require', globalThis, 'extension.suite', mocha);
  return import('./extension.suite').then(
    () =>
      new Promise<void>((resolve, reject) => {
        mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
      }),
  );
}
