package dev.tradeoff.metrics.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Loopback-only servers and connection-pool checks for client tests. */
public final class Servers {

  private Servers() {}

  /**
   * A MockWebServer listening on 127.0.0.1 only, with TCP_NODELAY on its sockets as streaming servers set it:
   * otherwise Nagle's algorithm holds a small event back until the client's delayed ACK of the previous one,
   * and the test would measure the kernel, not the meter.
   */
  public static MockWebServer loopback() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket s = new NoDelayServerSocket();
      s.bind(new java.net.InetSocketAddress(port));
      return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket s = new NoDelayServerSocket();
      s.bind(new java.net.InetSocketAddress(port), backlog);
      return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket s = new NoDelayServerSocket();
      s.bind(new java.net.InetSocketAddress(address, port), backlog);
      return s;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket s = super.accept();
      s.setTcpNoDelay(true);
      return s;
    }
  }

  /**
   * Waits until no connection of the pool is in use — a leaked (unclosed) response body keeps its connection
   * in use forever, so this fails when a failure path forgets to close one.
   */
  public static void awaitNoConnectionInUse(OkHttpClient base, Duration timeout) throws InterruptedException {
    ConnectionPool pool = base.connectionPool();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pool.connectionCount() != pool.idleConnectionCount()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "connections still in use (leaked response body?): total="
                + pool.connectionCount()
                + " idle="
                + pool.idleConnectionCount());
      }
      Thread.sleep(5);
    }
  }
}
