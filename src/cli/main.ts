/**
 * The `testigo` command. Each command lives in its own module under ./commands and registers
 * itself on the program; this file only wires them and maps errors to exit codes
 * (0 success, 1 failure of the work, 2 bad usage or bad input).
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodeFor, reportError } from './errors.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('testigo')
    .description('Document crimes against humanity and build the case for accountability.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    writeOut: (s) => process.stdout.write(s),
  });
  registerCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return 0;
      return 2;
    }
    reportError(err);
    return exitCodeFor(err);
  }
}

const isEntry =
  process.argv[1] !== undefined && /(?:main\.(?:ts|js)|testigo(?:\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      reportError(err);
      process.exitCode = 1;
    },
  );
}
