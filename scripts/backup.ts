// npm run backup -- [--db PATH] --out DIR [--user NAME | --recovery-key]   (see scripts/backupCommands.ts)
import { backupCommand } from './backupCommands';

void backupCommand(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
