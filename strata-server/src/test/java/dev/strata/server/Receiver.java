package dev.strata.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tiny webhook receiver on loopback that records what it is sent and answers a fixed status. */
final class Receiver implements AutoCloseable {
    record Request(byte[] body, String signature, String attempt) {
    }

    private final HttpServer server;
    final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    Receiver(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Request r;
            try (InputStream in = exchange.getRequestBody()) {
                r = new Request(in.readAllBytes(), exchange.getRequestHeaders().getFirst("X-Strata-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Strata-Attempt"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            received.add(r); // after answering: a test that stops the receiver on seeing it does not cut the answer off
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Request next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
