/**
 * The "floor": a bare `ws` relay with no auth and no storage, the physical lower bound the other
 * systems are compared against (method: docs/BENCHMARKS.md, "Method").
 *
 * - JSON text frames, `perMessageDeflate` off, an in-memory `Map` from user to socket.
 * - `{"t":"login","u":<user>}` is answered `{"t":"ok"}`. If the user already has an older socket,
 *   that socket first gets `{"t":"kicked"}` and a close with code 4001.
 * - `{"t":"m","to":<user>,...}` is forwarded verbatim to the target's socket.
 * - `{"t":"j","g":<room>}` adds the socket to a fan-out room, answered `{"t":"joined"}`.
 * - `{"t":"g","g":<room>,...}` is forwarded verbatim to every other socket of the room, then the
 *   sender gets `{"t":"gack"}` (the floor's counterpart of Parley's send answer, for W3's closed loop).
 *
 * Run as a child process: `node floor-server.js [port]`; prints `floor listening <port>` on stdout
 * and exits on SIGTERM/SIGINT or when its parent's stdin closes.
 */
import { WebSocketServer, type WebSocket } from 'ws';

/** Close code sent to a socket replaced by a newer login of the same user. */
export const FLOOR_KICK_CODE = 4001;

/** Starts the floor relay on 127.0.0.1; resolves with the bound port. */
export function startFloorServer(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Map<string, WebSocket>();
  const rooms = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, clientTracking: false, backlog: 1024 });
  wss.on('connection', (ws) => {
    let user: string | undefined;
    const joined = new Set<Set<WebSocket>>();
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      let frame: unknown;
      try {
        frame = JSON.parse(text);
      } catch {
        return;
      }
      if (typeof frame !== 'object' || frame === null) return;
      const f = frame as { t?: unknown; u?: unknown; to?: unknown; g?: unknown };
      if (f.t === 'login' && typeof f.u === 'string') {
        const older = sockets.get(f.u);
        if (older && older !== ws) {
          older.send('{"t":"kicked"}');
          older.close(FLOOR_KICK_CODE, 'kicked');
        }
        user = f.u;
        sockets.set(user, ws);
        ws.send('{"t":"ok"}');
      } else if (f.t === 'm' && typeof f.to === 'string') {
        sockets.get(f.to)?.send(text);
      } else if (f.t === 'g' && typeof f.g === 'string') {
        for (const member of rooms.get(f.g) ?? []) if (member !== ws) member.send(text);
        ws.send('{"t":"gack"}');
      } else if (f.t === 'j' && typeof f.g === 'string') {
        let room = rooms.get(f.g);
        if (!room) rooms.set(f.g, (room = new Set()));
        room.add(ws);
        joined.add(room);
        ws.send('{"t":"joined"}');
      }
    });
    ws.on('close', () => {
      if (user !== undefined && sockets.get(user) === ws) sockets.delete(user);
      for (const room of joined) room.delete(ws);
    });
    ws.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const addr = wss.address();
      const bound = typeof addr === 'object' && addr !== null ? addr.port : port;
      resolve({ port: bound, close: () => new Promise<void>((done) => wss.close(() => done())) });
    });
  });
}
