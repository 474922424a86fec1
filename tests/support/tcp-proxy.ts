import net from "node:net";

/**
 * A tiny TCP proxy to stand between the app and PostgreSQL, so a test can "restart the
 * database" without touching the real server: `cut()` destroys every open connection and
 * stops listening (new connections are refused), `restore()` listens again on the same port.
 */
export type TcpProxy = {
  port: number;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  /** accept connections but never answer (a hung server or a dropped route), until restore() */
  blackhole: () => Promise<void>;
  close: () => Promise<void>;
  /** connections accepted so far */
  readonly accepted: number;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let stalled = false;
  const handle = (client: net.Socket) => {
    accepted++;
    if (stalled) {
      sockets.add(client);
      client.on("error", () => client.destroy());
      return; // swallow: nothing is forwarded, nothing comes back
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };
  let server = net.createServer(handle);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.close(() => resolve());
    });
  return {
    port,
    get accepted() {
      return accepted;
    },
    cut: stop,
    restore: async () => {
      stalled = false;
      if (server.listening) await stop();
      server = net.createServer(handle);
      await listen(port);
    },
    blackhole: async () => {
      if (server.listening) await stop();
      stalled = true;
      server = net.createServer(handle);
      await listen(port);
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
