// npm run restore -- [--db PATH] --from FILE [--yes] [--backup-dir DIR] [--user NAME | --recovery-key]   (see scripts/backupCommands.ts)
import { restoreCommand } from './backupCommands';

void restoreCommand(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
