package app.roomwatch.loadtest.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FrozenClientTests {

    @Test
    void sendsThePlainRequestWithItsHeaders() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:18090/api/sse/events?x=1"))
                .header("Authorization", "Bearer t")
                .build();

        String head = new String(SseStream.requestBytes(request), StandardCharsets.US_ASCII);

        assertThat(head)
                .startsWith("GET /api/sse/events?x=1 HTTP/1.1\r\nHost: 127.0.0.1:18090\r\n")
                .contains("Authorization: Bearer t\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void neverReadsSoTheServerBlocksAndLaterSeesWhetherTheServerClosedIt() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicLong written = new AtomicLong();
            CompletableFuture<Socket> accepted = new CompletableFuture<>();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Socket socket = listener.accept();
                    accepted.complete(socket);
                    InputStream in = socket.getInputStream();
                    in.read(new byte[4096]);
                    OutputStream out = socket.getOutputStream();
                    byte[] frame = ("data: " + "x".repeat(1000) + "\n\n").getBytes(StandardCharsets.US_ASCII);
                    // Bounded: a reading client would take this in well under a second.
                    for (int i = 0; i < 100_000; i++) {
                        out.write(frame);
                        written.addAndGet(frame.length);
                    }
                } catch (IOException e) {
                    // the test closed the socket under the blocked writer
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/sub");
            try (FrozenClient client =
                    FrozenClient.open(HttpRequest.newBuilder(uri).build())) {
                Socket serverSide = accepted.get(10, TimeUnit.SECONDS);

                writer.join(Duration.ofSeconds(1));
                assertThat(writer.isAlive()).as("the server's write blocks").isTrue();
                assertThat(written.get()).isLessThan(100_000L * 1006);
                assertThat(client.closedByServer(Duration.ofSeconds(5))).isFalse();

                serverSide.close();
                assertThat(client.closedByServer(Duration.ofSeconds(30))).isTrue();
            }
        }
    }

    @Test
    void learnsThatTheServerClosedItWithoutReadingWhatTheServerSent() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Socket socket = listener.accept();
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write(new byte[64 * 1024]);
                    accepted.complete(socket);
                } catch (IOException e) {
                    accepted.completeExceptionally(e);
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/sub");
            try (FrozenClient client =
                    FrozenClient.open(HttpRequest.newBuilder(uri).build())) {
                Socket serverSide = accepted.get(10, TimeUnit.SECONDS);
                assertThat(client.closedByServerWithoutReading()).isFalse();
                assertThat(client.closedByServerWithoutReading()).isFalse();

                serverSide.close();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                boolean seen = false;
                while (!seen && System.nanoTime() < deadline) {
                    seen = client.closedByServerWithoutReading();
                    Thread.sleep(50);
                }
                assertThat(seen).as("seen closed within a few probes").isTrue();
            }
        }
    }
}
