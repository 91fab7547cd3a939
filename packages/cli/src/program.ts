/** The `parley` command tree. */
import { Command } from 'commander';
import { registerAppCommand } from './app-command.js';
import { registerBenchCommand } from './bench-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerUsersigCommand } from './usersig-command.js';

/** Version printed by `parley --version`. */
export const CLI_VERSION = '0.1.0';

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Parley: self-hostable chat server compatible with Tencent Cloud Chat')
    .version(CLI_VERSION)
    .showHelpAfterError('(run with --help for usage)');
  registerServeCommand(program);
  registerUsersigCommand(program);
  registerAppCommand(program);
  registerBenchCommand(program);
  return program;
}
