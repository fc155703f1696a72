// npm run restore -- [--db PATH] --from FILE [--yes] [--backup-dir DIR]   (see scripts/backupCommands.ts)
import { restoreCommand } from './backupCommands';

process.exitCode = restoreCommand(process.argv.slice(2));
