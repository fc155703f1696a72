// npm run backup -- [--db PATH] --out DIR   (see scripts/backupCommands.ts)
import { backupCommand } from './backupCommands';

process.exitCode = backupCommand(process.argv.slice(2));
