/** Entry point of the floor relay child process (see floor-server.ts). */
import { startFloorServer } from './floor-server.js';

const port = Number(process.argv[2] ?? '0');
const server = await startFloorServer(Number.isInteger(port) && port >= 0 ? port : 0);
process.stdout.write(`floor listening ${server.port}\n`);
// Open sockets would keep a graceful close waiting; the floor has nothing to flush.
const stop = () => process.exit(0);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
